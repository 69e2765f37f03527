package dev.warden.advise.match;

import dev.warden.advise.ModelRevision;
import dev.warden.advise.version.Version;
import dev.warden.model.Device;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Turns devices into {@link DeviceKeys}, remembering the normalised form of each distinct vendor, model, hardware and
 * firmware string: a fleet repeats a few thousand of them over a million devices, and reading a version or a hardware
 * revision costs far more than a lookup. Each memory is bounded ({@value #MAX_ENTRIES} strings); past that, a string
 * is normalised anew every time. Thread-safe.
 */
final class DeviceNormaliser {
    private static final int MAX_ENTRIES = 50_000;

    /** A model name split into its reduced name and the hardware revision its suffix names (or null). */
    private record Model(ModelName name, String revision) {
    }

    private final VendorRules vendors;
    private final Map<String, String> vendorKeys = new ConcurrentHashMap<>();
    private final Map<String, Model> models = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> hardware = new ConcurrentHashMap<>();
    private final Map<String, Optional<Version>> firmware = new ConcurrentHashMap<>();

    DeviceNormaliser(VendorRules vendors) {
        this.vendors = vendors;
    }

    /** The device's keys; null when it has no model (then no advisory product can fit it). */
    DeviceKeys keys(Device device) {
        if (device.model() == null) {
            return null;
        }
        Model model = remember(models, device.model(), m -> {
            ModelRevision mr = ModelRevision.split(m);
            return new Model(ModelName.ofDevice(mr.model()), mr.revision());
        });
        String vendorKey = device.vendor() == null ? vendors.vendorKey(null)
                : remember(vendorKeys, device.vendor(), vendors::vendorKey);
        String hw = device.hardware() != null ? device.hardware() : model.revision();
        String hardwareKey = hw == null ? null
                : remember(hardware, hw, h -> Optional.ofNullable(ProductRule.hardwareKey(h))).orElse(null);
        Version version = device.firmware() == null ? null
                : remember(firmware, device.firmware(), DeviceNormaliser::firmware).orElse(null);
        return new DeviceKeys(device, vendorKey, model.name(), hardwareKey, version);
    }

    private static Optional<Version> firmware(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Version.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static <V> V remember(Map<String, V> memory, String text, Function<String, V> normalise) {
        V v = memory.get(text);
        if (v == null) {
            v = normalise.apply(text);
            if (memory.size() < MAX_ENTRIES) {
                memory.put(text, v);
            }
        }
        return v;
    }
}
