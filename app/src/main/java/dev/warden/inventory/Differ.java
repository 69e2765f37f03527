package dev.warden.inventory;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares what a scan saw with what was known before, and merges the two. Pure functions: no store, no clock.
 *
 * <p>A field the scan could not establish (null) is "unknown", never "changed": it neither raises an event nor
 * overwrites the known value. A field learned for the first time (null before) is not a change either.
 */
final class Differ {
    private static final Comparator<Service> PORT_ORDER = Comparator.comparingInt(Service::port)
            .thenComparing(Service::transport);

    private Differ() {
    }

    /**
     * The change events between {@code known} (ip → device, services = open now) and {@code seen}.
     *
     * @param absent  ips of known devices already marked gone: seeing them is DEVICE_BACK, missing them is no news
     * @param inScope which known devices the scan covered; only those can be DEVICE_GONE
     */
    static List<Change> compare(String scan, long at, Map<String, Device> known, Set<String> absent,
                                Collection<Device> seen, Predicate<String> inScope) {
        List<Change> out = new ArrayList<>();
        Set<String> seenIps = new HashSet<>();
        for (Device d : seen) {
            seenIps.add(d.ip());
            Device k = known.get(d.ip());
            if (k == null) {
                out.add(new Change(scan, at, d.ip(), ChangeKind.DEVICE_NEW, null, null, label(d)));
                continue;
            }
            if (absent.contains(d.ip())) {
                out.add(new Change(scan, at, d.ip(), ChangeKind.DEVICE_BACK, null, null, label(merge(k, d))));
            }
            field(out, scan, at, d.ip(), ChangeKind.VENDOR_CHANGED, k.vendor(), d.vendor(), true);
            field(out, scan, at, d.ip(), ChangeKind.MODEL_CHANGED, k.model(), d.model(), true);
            field(out, scan, at, d.ip(), ChangeKind.FIRMWARE_CHANGED, k.firmware(), d.firmware(), false);
            Map<String, Service> before = byPort(k.services());
            Map<String, Service> after = byPort(d.services());
            for (String key : after.keySet()) {
                if (!before.containsKey(key)) {
                    out.add(new Change(scan, at, d.ip(), ChangeKind.PORT_OPENED, key, null, null));
                }
            }
            for (String key : before.keySet()) {
                if (!after.containsKey(key)) {
                    out.add(new Change(scan, at, d.ip(), ChangeKind.PORT_CLOSED, key, null, null));
                }
            }
        }
        for (Device k : known.values()) {
            if (!seenIps.contains(k.ip()) && !absent.contains(k.ip()) && inScope.test(k.ip())) {
                out.add(new Change(scan, at, k.ip(), ChangeKind.DEVICE_GONE, null, null, null));
            }
        }
        out.sort(Comparator.comparing(Change::ip, IpOrder.COMPARATOR).thenComparing(Change::kind));
        return out;
    }

    /** Whether a value changed: both known and different (vendor and model compare ignoring case). */
    static boolean differs(String before, String after, boolean ignoreCase) {
        return before != null && after != null && (ignoreCase ? !before.equalsIgnoreCase(after) : !before.equals(after));
    }

    /**
     * The best identification from a known device and a fresh sighting: the sighting wins field by field where it
     * knows the value; its services are the open ones, keeping a known product/version the sighting did not read.
     */
    static Device merge(Device known, Device seen) {
        if (known == null) {
            return seen;
        }
        boolean identified = seen.kind() != DeviceKind.UNKNOWN;
        Map<String, Service> old = byPort(known.services());
        List<Service> services = new ArrayList<>(seen.services().size());
        for (Service s : seen.services()) {
            Service o = old.get(portKey(s));
            services.add(o == null ? s : new Service(s.port(), s.transport(), s.name(),
                    or(s.product(), o.product()), or(s.version(), o.version())));
        }
        return new Device(seen.ip(), identified ? seen.kind() : known.kind(), or(seen.vendor(), known.vendor()),
                or(seen.model(), known.model()), or(seen.hardware(), known.hardware()),
                or(seen.firmware(), known.firmware()), identified ? seen.confidence() : known.confidence(), services);
    }

    /** A service's key in events and maps: {@code 554/tcp}. */
    static String portKey(Service s) {
        return s.port() + "/" + s.transport().wireName();
    }

    private static void field(List<Change> out, String scan, long at, String ip, ChangeKind kind, String before,
                              String after, boolean ignoreCase) {
        if (differs(before, after, ignoreCase)) {
            out.add(new Change(scan, at, ip, kind, null, before, after));
        }
    }

    private static Map<String, Service> byPort(List<Service> services) {
        List<Service> sorted = new ArrayList<>(services);
        sorted.sort(PORT_ORDER);
        Map<String, Service> m = new LinkedHashMap<>();
        for (Service s : sorted) {
            m.put(portKey(s), s);
        }
        return m;
    }

    private static String label(Device d) {
        if (d.vendor() == null && d.model() == null) {
            return d.kind().wireName();
        }
        return (or(d.vendor(), "") + " " + or(d.model(), "")).strip();
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
