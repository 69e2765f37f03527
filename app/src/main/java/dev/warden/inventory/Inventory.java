package dev.warden.inventory;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The inventory of devices and what changed between scans. Discovery records what it saw; the inventory merges it
 * into what was known, keeps a snapshot per scan, and returns the change events (new, gone and returning devices,
 * firmware/vendor/model changes, ports opened and closed). Every method is one transaction.
 */
public final class Inventory {
    private static final String UPSERT_DEVICE = """
            INSERT INTO devices (ip, kind, vendor, model, hardware, firmware, firmware_source, confidence,
                                 first_seen, last_seen, present)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (ip) DO UPDATE SET kind = excluded.kind, vendor = excluded.vendor, model = excluded.model,
                hardware = excluded.hardware, firmware = excluded.firmware, firmware_source = excluded.firmware_source,
                confidence = excluded.confidence, last_seen = excluded.last_seen, present = 1""";
    private static final String UPSERT_SERVICE = """
            INSERT INTO services (ip, transport, port, name, product, version, first_seen, last_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ip, transport, port) DO UPDATE SET name = excluded.name, product = excluded.product,
                version = excluded.version, last_seen = excluded.last_seen""";
    private static final String INSERT_CHANGE = """
            INSERT INTO changes (scan_id, n, at_ms, ip, kind, subject, before_value, after_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String DISCOVERY_SOURCE = "discovery";

    private final Store store;

    public Inventory(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Records a discovery: merges what it saw into the inventory and returns the change events, in address order.
     *
     * @param scan    a new scan of kind discover
     * @param seen    the devices that answered, each ip once
     * @param inScope which addresses the scan covered: a known device there that did not answer is DEVICE_GONE
     */
    public List<Change> recordDiscovery(Scan scan, List<Device> seen, Predicate<String> inScope) {
        if (scan.kind() != ScanKind.DISCOVER) {
            throw new IllegalArgumentException("scan " + scan.id() + " is an " + scan.kind().wireName() + ", not a discovery");
        }
        Set<String> ips = new HashSet<>();
        for (Device d : seen) {
            if (!ips.add(d.ip())) {
                throw new IllegalArgumentException("device " + d.ip() + " is listed twice in scan " + scan.id());
            }
        }
        return store.transaction(c -> {
            Scans.insert(c, scan);
            Map<String, KnownDevice> known = new HashMap<>();
            for (KnownDevice k : load(c, null)) {
                known.put(k.device().ip(), k);
            }
            Map<String, Device> before = new HashMap<>();
            Set<String> absent = new HashSet<>();
            known.forEach((ip, k) -> {
                before.put(ip, k.device());
                if (!k.present()) {
                    absent.add(ip);
                }
            });
            List<Change> changes = Differ.compare(scan.id(), scan.finished(), before, absent, seen, inScope);
            write(c, scan, seen, known, changes);
            return changes;
        });
    }

    /**
     * Records a firmware version an assessment read (it is usually more precise than discovery's). Returns the
     * FIRMWARE_CHANGED event when a different version was known.
     *
     * @param scan   the assessment; recorded if new
     * @param source where the version was read, e.g. "onvif GetDeviceInformation"
     * @throws IllegalArgumentException when the device is not in the inventory
     */
    public Optional<Change> updateFirmware(Scan scan, String ip, String firmware, String source) {
        Objects.requireNonNull(firmware, "firmware");
        return store.transaction(c -> {
            Scans.insertOrExtend(c, scan);
            List<String> old = Sql.query(c, "SELECT firmware FROM devices WHERE ip = ?", rs -> rs.getString("firmware"), ip);
            if (old.isEmpty()) {
                throw new IllegalArgumentException("device " + ip + " is not in the inventory");
            }
            Sql.update(c, "UPDATE devices SET firmware = ?, firmware_source = ? WHERE ip = ?", firmware, source, ip);
            if (!Differ.differs(old.get(0), firmware, false)) {
                return Optional.empty();
            }
            Change ch = new Change(scan.id(), scan.finished(), ip, ChangeKind.FIRMWARE_CHANGED, source, old.get(0), firmware);
            int n = Sql.query(c, "SELECT COALESCE(MAX(n), 0) + 1 AS next FROM changes WHERE scan_id = ?",
                    rs -> rs.getInt("next"), scan.id()).get(0);
            insertChanges(c, List.of(ch), n);
            return Optional.of(ch);
        });
    }

    /** Every device Warden knows, present or gone, in address order. */
    public List<KnownDevice> devices() {
        return store.transaction(c -> load(c, null));
    }

    public Optional<KnownDevice> device(String ip) {
        return store.transaction(c -> load(c, ip).stream().findFirst());
    }

    /**
     * The change events recorded after the given scan, oldest first.
     *
     * @param sinceScan a scan id or unique prefix; null for every change ever recorded
     */
    public List<Change> changes(String sinceScan) {
        return store.transaction(c -> {
            long after = sinceScan == null ? 0 : Scans.seq(c, Scans.resolve(c, sinceScan).id());
            return Sql.query(c, """
                    SELECT ch.* FROM changes ch JOIN scans s ON s.id = ch.scan_id
                    WHERE s.seq > ? ORDER BY s.seq, ch.n""", Inventory::change, after);
        });
    }

    /**
     * What differs between what discovery {@code scanA} saw and what discovery {@code scanB} saw, as change events
     * attributed to B. A device A saw and B did not is DEVICE_GONE.
     */
    public List<Change> diff(String scanA, String scanB) {
        return store.transaction(c -> {
            Scan a = discovery(c, scanA);
            Scan b = discovery(c, scanB);
            Map<String, Device> before = new HashMap<>();
            for (Device d : snapshot(c, a.id())) {
                before.put(d.ip(), d);
            }
            return Differ.compare(b.id(), b.finished(), before, Set.of(), snapshot(c, b.id()), ip -> true);
        });
    }

    /** Every scan recorded, oldest first. */
    public List<Scan> scans() {
        return store.transaction(Scans::list);
    }

    /**
     * The scan with this id or unique id prefix.
     *
     * @throws IllegalArgumentException when none or several match
     */
    public Scan scan(String ref) {
        return store.transaction(c -> Scans.resolve(c, ref));
    }

    private static void write(Connection c, Scan scan, List<Device> seen, Map<String, KnownDevice> known,
                              List<Change> changes) throws SQLException {
        long at = scan.finished();
        List<Object[]> devices = new ArrayList<>();
        List<Object[]> services = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        List<Object[]> snapDevices = new ArrayList<>();
        List<Object[]> snapServices = new ArrayList<>();
        for (Device d : seen) {
            KnownDevice k = known.get(d.ip());
            Device m = Differ.merge(k == null ? null : k.device(), d);
            String source = d.firmware() != null ? DISCOVERY_SOURCE : k == null ? null : k.firmwareSource();
            devices.add(new Object[] {m.ip(), m.kind().wireName(), m.vendor(), m.model(), m.hardware(), m.firmware(),
                source, m.confidence(), at, at});
            Set<String> open = new HashSet<>();
            for (Service s : m.services()) {
                open.add(Differ.portKey(s));
                services.add(new Object[] {m.ip(), s.transport().wireName(), s.port(), s.name(), s.product(),
                    s.version(), at, at});
            }
            if (k != null) {
                for (KnownService ks : k.services()) {
                    Service s = ks.service();
                    if (!open.contains(Differ.portKey(s))) {
                        closed.add(new Object[] {d.ip(), s.transport().wireName(), s.port()});
                    }
                }
            }
            snapDevices.add(new Object[] {scan.id(), d.ip(), d.kind().wireName(), d.vendor(), d.model(), d.hardware(),
                d.firmware(), d.confidence()});
            for (Service s : d.services()) {
                snapServices.add(new Object[] {scan.id(), d.ip(), s.transport().wireName(), s.port(), s.name(),
                    s.product(), s.version()});
            }
        }
        List<Object[]> gone = new ArrayList<>();
        for (Change ch : changes) {
            if (ch.kind() == ChangeKind.DEVICE_GONE) {
                gone.add(new Object[] {ch.ip()});
            }
        }
        Sql.batch(c, UPSERT_DEVICE, devices);
        Sql.batch(c, UPSERT_SERVICE, services);
        Sql.batch(c, "DELETE FROM services WHERE ip = ? AND transport = ? AND port = ?", closed);
        Sql.batch(c, "UPDATE devices SET present = 0 WHERE ip = ?", gone);
        Sql.batch(c, """
                INSERT INTO scan_devices (scan_id, ip, kind, vendor, model, hardware, firmware, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", snapDevices);
        Sql.batch(c, """
                INSERT INTO scan_services (scan_id, ip, transport, port, name, product, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", snapServices);
        insertChanges(c, changes, 1);
    }

    private static void insertChanges(Connection c, List<Change> changes, int firstN) throws SQLException {
        List<Object[]> rows = new ArrayList<>(changes.size());
        int n = firstN;
        for (Change ch : changes) {
            rows.add(new Object[] {ch.scan(), n++, ch.at(), ch.ip(), ch.kind().wireName(), ch.subject(), ch.before(),
                ch.after()});
        }
        Sql.batch(c, INSERT_CHANGE, rows);
    }

    private static List<KnownDevice> load(Connection c, String ip) throws SQLException {
        String where = ip == null ? "" : " WHERE ip = ?";
        Object[] args = ip == null ? new Object[0] : new Object[] {ip};
        Map<String, List<KnownService>> services = new HashMap<>();
        for (Map.Entry<String, KnownService> e : Sql.query(c, "SELECT * FROM services" + where + " ORDER BY ip, port, transport",
                rs -> Map.entry(rs.getString("ip"), new KnownService(service(rs), rs.getLong("first_seen"),
                        rs.getLong("last_seen"))), args)) {
            services.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        List<KnownDevice> out = Sql.query(c, "SELECT * FROM devices" + where, rs -> {
            List<KnownService> ks = services.getOrDefault(rs.getString("ip"), List.of());
            return new KnownDevice(device(rs, ks.stream().map(KnownService::service).toList()), rs.getString("mac"),
                    rs.getString("firmware_source"), rs.getLong("first_seen"), rs.getLong("last_seen"),
                    rs.getInt("present") != 0, ks);
        }, args);
        out.sort((x, y) -> IpOrder.COMPARATOR.compare(x.device().ip(), y.device().ip()));
        return out;
    }

    private static Scan discovery(Connection c, String ref) throws SQLException {
        Scan s = Scans.resolve(c, ref);
        if (s.kind() != ScanKind.DISCOVER) {
            throw new IllegalArgumentException("scan " + s.shortId() + " is an assessment; only discoveries can be compared");
        }
        return s;
    }

    /** The devices a discovery saw, as it saw them. */
    private static List<Device> snapshot(Connection c, String scanId) throws SQLException {
        Map<String, List<Service>> services = new LinkedHashMap<>();
        for (Map.Entry<String, Service> e : Sql.query(c, "SELECT * FROM scan_services WHERE scan_id = ?",
                rs -> Map.entry(rs.getString("ip"), service(rs)), scanId)) {
            services.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return Sql.query(c, "SELECT * FROM scan_devices WHERE scan_id = ?",
                rs -> device(rs, services.getOrDefault(rs.getString("ip"), List.of())), scanId);
    }

    private static Device device(ResultSet rs, List<Service> services) throws SQLException {
        return new Device(rs.getString("ip"), DeviceKind.fromWire(rs.getString("kind")), rs.getString("vendor"),
                rs.getString("model"), rs.getString("hardware"), rs.getString("firmware"), rs.getDouble("confidence"),
                services);
    }

    private static Service service(ResultSet rs) throws SQLException {
        return new Service(rs.getInt("port"), Transport.fromWire(rs.getString("transport")), rs.getString("name"),
                rs.getString("product"), rs.getString("version"));
    }

    private static Change change(ResultSet rs) throws SQLException {
        return new Change(rs.getString("scan_id"), rs.getLong("at_ms"), rs.getString("ip"),
                ChangeKind.fromWire(rs.getString("kind")), rs.getString("subject"), rs.getString("before_value"),
                rs.getString("after_value"));
    }
}
