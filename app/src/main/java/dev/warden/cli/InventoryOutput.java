package dev.warden.cli;

import dev.warden.inventory.Change;
import dev.warden.inventory.KnownDevice;
import dev.warden.inventory.KnownService;
import dev.warden.inventory.Scan;
import dev.warden.model.Device;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code warden inventory} shows devices, changes and scans: an aligned table for people, or one JSON object per
 * line (timestamps as ISO-8601 UTC, kinds as wire names) for tools.
 */
final class InventoryOutput {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean json;

    InventoryOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void devices(List<KnownDevice> devices, String store) {
        if (json) {
            devices.forEach(d -> line(deviceJson(d)));
            return;
        }
        if (devices.isEmpty()) {
            out.println("The inventory is empty: no discovery is recorded in " + store + ".");
            return;
        }
        Table t = new Table("IP", "KIND", "VENDOR", "MODEL", "FIRMWARE", "PORTS", "FIRST SEEN", "LAST SEEN");
        for (KnownDevice k : devices) {
            Device d = k.device();
            t.row(d.ip(), d.kind().wireName(), d.vendor(), d.model(), d.firmware(), ports(d.services()),
                    time(k.firstSeen()), time(k.lastSeen()) + (k.present() ? "" : " (gone)"));
        }
        t.print(out);
    }

    void changes(List<Change> changes) {
        if (json) {
            changes.forEach(c -> line(changeJson(c)));
            return;
        }
        if (changes.isEmpty()) {
            out.println("No changes.");
            return;
        }
        Table t = new Table("SCAN", "TIME", "IP", "CHANGE");
        for (Change c : changes) {
            t.row(Scan.shortId(c.scan()), time(c.at()), c.ip(), c.describe());
        }
        t.print(out);
    }

    void diff(Scan a, Scan b, List<Change> changes) {
        if (!json) {
            out.printf("%s (%s) → %s (%s)%n", a.shortId(), time(a.finished()), b.shortId(), time(b.finished()));
        }
        changes(changes);
    }

    void scans(List<Scan> scans) {
        if (json) {
            scans.forEach(s -> line(scanJson(s)));
            return;
        }
        Table t = new Table("SCAN", "KIND", "STARTED", "FINISHED", "TARGETS");
        for (Scan s : scans) {
            t.row(s.shortId(), s.kind().wireName(), time(s.started()), time(s.finished()), s.targets());
        }
        t.print(out);
    }

    /** Open ports as "80 554 1900/udp": TCP is the default and goes unmarked. */
    static String ports(List<Service> services) {
        StringBuilder sb = new StringBuilder();
        for (Service s : services) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(s.port()).append(s.transport() == Transport.TCP ? "" : "/" + s.transport().wireName());
        }
        return sb.toString();
    }

    /** The discover contract's device object, plus what the inventory knows about it over time. */
    private static Map<String, Object> deviceJson(KnownDevice k) {
        Map<String, Object> m = JsonLines.device(k.device(), null);
        m.put("mac", k.mac());
        m.put("firmware_source", k.firmwareSource());
        m.put("present", k.present());
        m.put("first_seen", iso(k.firstSeen()));
        m.put("last_seen", iso(k.lastSeen()));
        List<Map<String, Object>> services = new ArrayList<>();
        for (KnownService ks : k.services()) {
            Map<String, Object> sm = JsonLines.service(ks.service());
            sm.put("first_seen", iso(ks.firstSeen()));
            sm.put("last_seen", iso(ks.lastSeen()));
            services.add(sm);
        }
        m.put("services", services);
        return m;
    }

    private static Map<String, Object> changeJson(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scan", c.scan());
        m.put("at", iso(c.at()));
        m.put("ip", c.ip());
        m.put("change", c.kind().wireName());
        m.put("subject", c.subject());
        m.put("before", c.before());
        m.put("after", c.after());
        return m;
    }

    private static Map<String, Object> scanJson(Scan s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("kind", s.kind().wireName());
        m.put("started", iso(s.started()));
        m.put("finished", iso(s.finished()));
        m.put("targets", s.targets());
        return m;
    }

    private void line(Map<String, Object> object) {
        out.println(JSON.writeValueAsString(object));
    }

    private static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    private static String time(long epochMs) {
        return TIME.format(Instant.ofEpochMilli(epochMs));
    }
}
