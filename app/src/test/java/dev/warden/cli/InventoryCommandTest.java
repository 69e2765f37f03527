package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.cli.MainTest.Run;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import dev.warden.store.Store;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code warden inventory} over a store filled through the API. Addresses 127.77.241.0/24; nothing is contacted. */
class InventoryCommandTest {
    static final long T1 = 1_780_000_000_000L;
    static final long T2 = T1 + 86_400_000L;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;
    Path home;
    Scan s1;
    Scan s2;

    static Device cam(String ip, String firmware, int... ports) {
        List<Service> services = java.util.Arrays.stream(ports)
                .mapToObj(p -> new Service(p, Transport.TCP, "http", null, null)).toList();
        return new Device(ip, DeviceKind.CAMERA, "Foscam", "FI9821P", null, firmware, 0.95, services);
    }

    @BeforeEach
    void fill() {
        home = tmp.resolve("home");
        s1 = Scan.of(ScanKind.DISCOVER, "127.77.241.0/24", T1 - 1000, T1);
        s2 = Scan.of(ScanKind.DISCOVER, "127.77.241.0/24", T2 - 1000, T2);
        try (Store store = Store.open("jdbc:sqlite:" + home.resolve("warden.db"))) {
            Inventory inv = new Inventory(store);
            inv.recordDiscovery(s1, List.of(cam("127.77.241.2", "2.11.1.118", 88), cam("127.77.241.3", "2.11.1.118", 88)),
                    ip -> true);
            inv.recordDiscovery(s2, List.of(cam("127.77.241.2", "2.11.1.120", 88, 23)), ip -> true);
        }
    }

    Run inventory(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "inventory";
        all[1] = "--home";
        all[2] = home.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return MainTest.run(all);
    }

    @Test
    void listsDevicesAsATable() {
        Run r = inventory();
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("IP").contains("KIND", "VENDOR", "MODEL", "FIRMWARE", "PORTS", "FIRST SEEN",
                "LAST SEEN");
        assertThat(lines.get(1)).startsWith("127.77.241.2 ").contains("camera", "Foscam", "2.11.1.120", "23 88");
        assertThat(lines.get(2)).startsWith("127.77.241.3 ").endsWith("(gone)");
        assertThat(lines).hasSize(3);
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        Run r = inventory("--json");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.isObject()).isTrue();
        assertThat(first.get("ip").asString()).isEqualTo("127.77.241.2");
        assertThat(first.get("firmware").asString()).isEqualTo("2.11.1.120");
        assertThat(first.get("present").asBoolean()).isTrue();
        assertThat(first.get("services")).hasSize(2);
        assertThat(first.get("first_seen").asString()).isEqualTo("2026-05-28T20:26:40Z");
        assertThat(JSON.readTree(lines.get(1)).get("present").asBoolean()).isFalse();

        Run changes = inventory("--changes", "--since", s1.shortId(), "--json");
        List<JsonNode> events = changes.out().lines().map(JSON::readTree).toList();
        assertThat(events).extracting(e -> e.get("ip").asString() + " " + e.get("change").asString())
                .containsExactly("127.77.241.2 firmware-changed", "127.77.241.2 port-opened", "127.77.241.3 device-gone");
        assertThat(events.get(0).get("before").asString()).isEqualTo("2.11.1.118");
        assertThat(events.get(1).get("subject").asString()).isEqualTo("23/tcp");
    }

    @Test
    void changesDiffAndScansForPeople() {
        Run all = inventory("--changes");
        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("new device Foscam FI9821P", "firmware 2.11.1.118 → 2.11.1.120",
                "port opened 23/tcp", "device gone");
        Run diff = inventory("--diff", s2.shortId(), s1.id());
        assertThat(diff.code()).as(diff.err()).isZero();
        assertThat(diff.out()).startsWith(s2.shortId() + " (").contains("firmware 2.11.1.120 → 2.11.1.118",
                "port closed 23/tcp", "new device Foscam FI9821P");
        Run scans = inventory("--scans");
        assertThat(scans.out().lines().skip(1)).extracting(l -> l.substring(0, 8))
                .containsExactly(s1.shortId(), s2.shortId());
    }

    @Test
    void badScansAndDatabasesAreExitThreeAndBadCombinationsAreUsageErrors() {
        Run unknown = inventory("--changes", "--since", "ffffffff-none");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(unknown.err().strip()).isEqualTo("warden: unknown scan 'ffffffff-none'");
        Run db = inventory("--db", "jdbc:mysql://127.77.241.1/w?password=secret");
        assertThat(db.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(db.err()).contains("unsupported database URL").doesNotContain("secret");
        assertThat(inventory("--since", s1.id()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(inventory("--changes", "--scans").code()).isEqualTo(ExitCode.USAGE);
        assertThat(inventory("--diff", s1.id()).code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anEmptyHomeSaysSo() {
        Run r = MainTest.run("inventory", "--home", tmp.resolve("empty").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("The inventory is empty").contains("warden.db");
        assertThat(MainTest.run("inventory", "--home", tmp.resolve("empty").toString(), "--json").out()).isEmpty();
    }
}
