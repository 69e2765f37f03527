package dev.warden.advise.match;

import dev.warden.model.Advisory;
import dev.warden.model.Device;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory indexed for advisories: devices normalised once, then grouped by vendor key and model key, so that a
 * newly arrived advisory looks up the devices of its vendors and models instead of judging every device
 * ({@link AdvisoryMatcher#affected(Advisory, DeviceIndex)}). Build it with {@link AdvisoryMatcher#index} once per
 * state of the inventory and reuse it for every advisory that arrives. Immutable.
 */
public final class DeviceIndex {
    private final VendorRules vendors;
    /** The devices in the order given; null for a device without model. */
    private final List<DeviceKeys> devices = new ArrayList<>();
    /** Vendor key → model key → positions in {@link #devices}, ascending. */
    private final Map<String, Map<String, int[]>> byVendor = new HashMap<>();

    DeviceIndex(Iterable<Device> inventory, DeviceNormaliser normaliser, VendorRules vendors) {
        this.vendors = vendors;
        Map<String, Map<String, List<Integer>>> positions = new HashMap<>();
        for (Device d : inventory) {
            DeviceKeys k = normaliser.keys(d);
            if (k != null) {
                positions.computeIfAbsent(k.vendorKey(), x -> new HashMap<>())
                        .computeIfAbsent(k.model().key(), x -> new ArrayList<>()).add(devices.size());
            }
            devices.add(k);
        }
        positions.forEach((vendor, byModel) -> {
            Map<String, int[]> m = new HashMap<>();
            byModel.forEach((model, ps) -> m.put(model, ps.stream().mapToInt(Integer::intValue).toArray()));
            byVendor.put(vendor, m);
        });
    }

    /** How many devices it holds, with or without model. */
    public int size() {
        return devices.size();
    }

    VendorRules vendors() {
        return vendors;
    }

    DeviceKeys device(int position) {
        return devices.get(position);
    }

    /**
     * Positions of the devices some product of {@code rules} may fit: same vendor key (any vendor for a product
     * without one) and same model key or a model key a wildcard covers.
     */
    BitSet candidates(RuleIndex rules) {
        BitSet out = new BitSet(devices.size());
        rules.exactModels().forEach((vendor, models) -> {
            for (Map<String, int[]> byModel : vendors(vendor)) {
                for (String model : models) {
                    set(out, byModel.get(model));
                }
            }
        });
        for (String vendor : rules.wildcardVendors()) {
            for (Map<String, int[]> byModel : vendors(vendor)) {
                byModel.forEach((model, ps) -> {
                    if (rules.wildcardCovers(vendor, new ModelName(model, null))) {
                        set(out, ps);
                    }
                });
            }
        }
        return out;
    }

    /** The model maps of one vendor key, or of every vendor for "" (a product that names no vendor). */
    private Iterable<Map<String, int[]>> vendors(String vendorKey) {
        if (vendorKey.isEmpty()) {
            return byVendor.values();
        }
        Map<String, int[]> m = byVendor.get(vendorKey);
        return m == null ? Set.of() : Set.of(m);
    }

    private static void set(BitSet out, int[] positions) {
        if (positions != null) {
            for (int p : positions) {
                out.set(p);
            }
        }
    }
}
