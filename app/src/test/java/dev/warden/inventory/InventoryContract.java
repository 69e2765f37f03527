package dev.warden.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Finding;
import dev.warden.model.Service;
import dev.warden.model.Severity;
import dev.warden.model.Transport;
import dev.warden.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inventory and findings behaviour every store backend must show. Subclasses open a fresh, empty store.
 * Addresses: 127.77.240.0/24 (this test's range; nothing is contacted).
 */
abstract class InventoryContract {
    static final long T1 = 1_780_000_000_000L;
    static final long T2 = T1 + 3_600_000;
    static final long T3 = T2 + 3_600_000;
    static final Predicate<String> LAB = ip -> ip.startsWith("127.77.240.");

    Store store;
    Inventory inventory;
    Findings findings;

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        inventory = new Inventory(store);
        findings = new Findings(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Device device(String ip, DeviceKind kind, String vendor, String model, String firmware, Object... ports) {
        List<Service> services = new ArrayList<>();
        for (Object p : ports) {
            services.add(p instanceof Integer n ? new Service(n, Transport.TCP, "http", null, null)
                    : new Service(Integer.parseInt(((String) p).split("/")[0]), Transport.UDP, "ssdp", null, null));
        }
        return new Device(ip, kind, vendor, model, null, firmware, 0.9, services);
    }

    static Device hik(String firmware, Object... ports) {
        return device("127.77.240.10", DeviceKind.CAMERA, "Hikvision", "DS-2CD2032-I", firmware, ports);
    }

    static Device dvr() {
        return device("127.77.240.9", DeviceKind.DVR, "Xiongmai", "NBD80X16S-KL", "V4.02.R11", 80, 34567);
    }

    static Device router(Object... ports) {
        return device("127.77.240.1", DeviceKind.ROUTER, "Generic", "Home Router", null, ports);
    }

    static Scan discovery(long at) {
        return Scan.of(ScanKind.DISCOVER, "127.77.240.0/24", at - 5000, at);
    }

    static Scan assessment(long at) {
        return Scan.of(ScanKind.ASSESS, "127.77.240.0/24", at - 5000, at);
    }

    @Test
    void firstDiscoveryMakesEveryDeviceNewInAddressOrder() {
        List<Change> changes = inventory.recordDiscovery(discovery(T1),
                List.of(hik("V5.4.1", 80, 554), dvr(), router(80, "1900/udp")), LAB);
        assertThat(changes).extracting(Change::ip, Change::kind, Change::after).containsExactly(
                tuple("127.77.240.1", ChangeKind.DEVICE_NEW, "Generic Home Router"),
                tuple("127.77.240.9", ChangeKind.DEVICE_NEW, "Xiongmai NBD80X16S-KL"),
                tuple("127.77.240.10", ChangeKind.DEVICE_NEW, "Hikvision DS-2CD2032-I"));
        assertThat(inventory.devices()).extracting(d -> d.device().ip())
                .containsExactly("127.77.240.1", "127.77.240.9", "127.77.240.10");
        KnownDevice r = inventory.device("127.77.240.1").orElseThrow();
        assertThat(r.services()).extracting(s -> s.service().port(), s -> s.service().transport())
                .containsExactly(tuple(80, Transport.TCP), tuple(1900, Transport.UDP));
        assertThat(r.present()).isTrue();
        assertThat(r.firstSeen()).isEqualTo(T1);
    }

    @Test
    void secondDiscoveryReportsFirmwareUpgradePortsOpenedAndClosedAndDeviceGone() {
        Scan s1 = discovery(T1);
        inventory.recordDiscovery(s1, List.of(hik("V5.4.1", 80, 554), dvr(), router(80, "1900/udp")), LAB);
        Scan s2 = discovery(T2);
        List<Change> changes = inventory.recordDiscovery(s2, List.of(hik("V5.5.0", 80, 554, 23), router(80)), LAB);

        assertThat(changes).extracting(Change::ip, Change::kind, Change::subject, Change::before, Change::after)
                .containsExactly(
                        tuple("127.77.240.1", ChangeKind.PORT_CLOSED, "1900/udp", null, null),
                        tuple("127.77.240.9", ChangeKind.DEVICE_GONE, null, null, null),
                        tuple("127.77.240.10", ChangeKind.FIRMWARE_CHANGED, null, "V5.4.1", "V5.5.0"),
                        tuple("127.77.240.10", ChangeKind.PORT_OPENED, "23/tcp", null, null));
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.scan()).isEqualTo(s2.id());
            assertThat(c.at()).isEqualTo(T2);
        });
        assertThat(inventory.changes(s1.id())).isEqualTo(changes);
        assertThat(inventory.changes(null)).hasSize(3 + changes.size());
        assertThat(inventory.changes(s2.id())).isEmpty();

        KnownDevice cam = inventory.device("127.77.240.10").orElseThrow();
        assertThat(cam.device().firmware()).isEqualTo("V5.5.0");
        assertThat(cam.firmwareSource()).isEqualTo("discovery");
        assertThat(cam.firstSeen()).isEqualTo(T1);
        assertThat(cam.lastSeen()).isEqualTo(T2);
        assertThat(cam.services()).extracting(s -> s.service().port(), KnownService::firstSeen, KnownService::lastSeen)
                .containsExactly(tuple(23, T2, T2), tuple(80, T1, T2), tuple(554, T1, T2));
        KnownDevice gone = inventory.device("127.77.240.9").orElseThrow();
        assertThat(gone.present()).isFalse();
        assertThat(gone.lastSeen()).isEqualTo(T1);
        assertThat(inventory.device("127.77.240.1").orElseThrow().services()).hasSize(1);
    }

    @Test
    void goneIsReportedOnceThenTheDeviceComesBack() {
        inventory.recordDiscovery(discovery(T1), List.of(dvr(), router(80)), LAB);
        assertThat(inventory.recordDiscovery(discovery(T2), List.of(router(80)), LAB))
                .extracting(Change::kind).containsExactly(ChangeKind.DEVICE_GONE);
        assertThat(inventory.recordDiscovery(discovery(T3), List.of(router(80)), LAB)).isEmpty();
        assertThat(inventory.recordDiscovery(discovery(T3 + 1000), List.of(dvr(), router(80)), LAB))
                .extracting(Change::ip, Change::kind, Change::after)
                .containsExactly(tuple("127.77.240.9", ChangeKind.DEVICE_BACK, "Xiongmai NBD80X16S-KL"));
        assertThat(inventory.device("127.77.240.9").orElseThrow().present()).isTrue();
    }

    @Test
    void aDeviceOutsideTheScanScopeIsNotGone() {
        inventory.recordDiscovery(discovery(T1), List.of(dvr(), router(80)), LAB);
        List<Change> changes = inventory.recordDiscovery(discovery(T2), List.of(router(80)),
                ip -> ip.equals("127.77.240.1"));
        assertThat(changes).isEmpty();
        assertThat(inventory.device("127.77.240.9").orElseThrow().present()).isTrue();
    }

    @Test
    void whatAScanCouldNotReadKeepsTheKnownValueAndIsNoChange() {
        inventory.recordDiscovery(discovery(T1), List.of(hik("V5.4.1", 80)), LAB);
        Device vague = device("127.77.240.10", DeviceKind.UNKNOWN, null, null, null, 80);
        assertThat(inventory.recordDiscovery(discovery(T2), List.of(vague), LAB)).isEmpty();
        Device d = inventory.device("127.77.240.10").orElseThrow().device();
        assertThat(d.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(d.vendor()).isEqualTo("Hikvision");
        assertThat(d.firmware()).isEqualTo("V5.4.1");

        Device otherVendor = device("127.77.240.10", DeviceKind.CAMERA, "Dahua", "IPC-HDW1230", "V5.4.1", 80);
        assertThat(inventory.recordDiscovery(discovery(T3), List.of(otherVendor), LAB))
                .extracting(Change::kind, Change::before, Change::after)
                .containsExactly(tuple(ChangeKind.VENDOR_CHANGED, "Hikvision", "Dahua"),
                        tuple(ChangeKind.MODEL_CHANGED, "DS-2CD2032-I", "IPC-HDW1230"));
    }

    @Test
    void firmwareLearnedByAnAssessmentUpdatesTheInventory() {
        inventory.recordDiscovery(discovery(T1), List.of(hik(null, 80), dvr()), LAB);
        Scan a = assessment(T2);
        assertThat(inventory.updateFirmware(a, "127.77.240.10", "V5.4.1", "isapi deviceInfo")).isEmpty();
        Change ch = inventory.updateFirmware(a, "127.77.240.9", "V4.03.R12", "dvrip SystemInfo").orElseThrow();
        assertThat(ch).isEqualTo(new Change(a.id(), T2, "127.77.240.9", ChangeKind.FIRMWARE_CHANGED, "dvrip SystemInfo",
                "V4.02.R11", "V4.03.R12"));
        KnownDevice cam = inventory.device("127.77.240.10").orElseThrow();
        assertThat(cam.device().firmware()).isEqualTo("V5.4.1");
        assertThat(cam.firmwareSource()).isEqualTo("isapi deviceInfo");
        assertThat(inventory.changes(null)).last().isEqualTo(ch);
        assertThat(inventory.scans()).extracting(Scan::kind).containsExactly(ScanKind.DISCOVER, ScanKind.ASSESS);
        assertThatThrownBy(() -> inventory.updateFirmware(a, "127.77.240.99", "1.0", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the inventory");
    }

    @Test
    void diffComparesWhatTwoDiscoveriesSaw() {
        Scan s1 = discovery(T1);
        Scan s2 = discovery(T2);
        Scan s3 = discovery(T3);
        inventory.recordDiscovery(s1, List.of(hik("V5.4.1", 80), dvr()), LAB);
        inventory.recordDiscovery(s2, List.of(hik("V5.4.1", 80, 554)), LAB);
        inventory.recordDiscovery(s3, List.of(hik("V5.5.0", 80, 554), dvr()), LAB);

        assertThat(inventory.diff(s1.id(), s3.id().substring(0, 8)))
                .extracting(Change::ip, Change::kind, Change::subject, Change::after)
                .containsExactly(
                        tuple("127.77.240.10", ChangeKind.FIRMWARE_CHANGED, null, "V5.5.0"),
                        tuple("127.77.240.10", ChangeKind.PORT_OPENED, "554/tcp", null));
        assertThat(inventory.diff(s3.id(), s2.id())).extracting(Change::ip, Change::kind).containsExactly(
                tuple("127.77.240.9", ChangeKind.DEVICE_GONE), tuple("127.77.240.10", ChangeKind.FIRMWARE_CHANGED));
        assertThat(inventory.diff(s2.id(), s2.id())).isEmpty();

        Scan a = assessment(T3 + 1);
        findings.record(a, List.of(), List.of("127.77.240.10"));
        assertThatThrownBy(() -> inventory.diff(s1.id(), a.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assessment");
        assertThatThrownBy(() -> inventory.diff(s1.id(), "zzzzzzzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scan 'zzzzzzzz'");
        assertThatThrownBy(() -> inventory.changes("ab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4");
    }

    @Test
    void aScanIsRecordedOnceAndListsEachDeviceOnce() {
        Scan s1 = discovery(T1);
        inventory.recordDiscovery(s1, List.of(dvr()), LAB);
        assertThatThrownBy(() -> inventory.recordDiscovery(s1, List.of(dvr()), LAB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already recorded");
        assertThatThrownBy(() -> inventory.recordDiscovery(discovery(T2), List.of(dvr(), dvr()), LAB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> inventory.recordDiscovery(assessment(T2), List.of(dvr()), LAB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a discovery");
        assertThat(inventory.scans()).containsExactly(s1);
    }

    static Finding finding(String ip, int port, String check, Severity severity, String evidence) {
        return new Finding(ip, port, check, check + " on " + ip, severity, null, Double.NaN, List.of(), List.of(),
                evidence, "fix it");
    }

    @Test
    void findingsOpenThenFixedThenReopened() {
        String cam = "127.77.240.10";
        String dvr = "127.77.240.9";
        Finding creds = new Finding(cam, 80, "hikvision-default-credentials", "Default admin password", Severity.CRITICAL,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, List.of("CVE-2017-7921", "CVE-2021-36260"),
                List.of("CWE-1392"), "HTTP 200 for admin:****", "Set a strong admin password");
        Finding rtsp = finding(cam, 554, "rtsp-no-auth", Severity.HIGH, "DESCRIBE answered 200 without credentials");
        Finding telnet = finding(dvr, 23, "xiongmai-telnet-open", Severity.HIGH, "login: prompt on 23/tcp");

        Scan a1 = assessment(T1);
        assertThat(findings.record(a1, List.of(rtsp, creds, telnet, rtsp), List.of(cam, dvr)))
                .isEqualTo(new FindingCounts(3, 0, 0, 0));
        KnownFinding stored = findings.open(cam).get(0);
        assertThat(stored.finding()).isEqualTo(creds);
        assertThat(stored.status()).isEqualTo(FindingStatus.OPEN);
        assertThat(stored.fixedAt()).isNull();
        assertThat(findings.open(cam).get(1).finding().cvssScore()).isNaN();

        Scan a2 = assessment(T2);
        assertThat(findings.record(a2, List.of(creds), List.of(cam))).isEqualTo(new FindingCounts(0, 0, 1, 1));
        assertThat(findings.open()).extracting(f -> f.finding().check())
                .containsExactly("xiongmai-telnet-open", "hikvision-default-credentials");
        assertThat(findings.open(cam)).singleElement().satisfies(f -> {
            assertThat(f.firstSeen()).isEqualTo(T1);
            assertThat(f.lastSeen()).isEqualTo(T2);
            assertThat(f.firstScan()).isEqualTo(a1.id());
            assertThat(f.lastScan()).isEqualTo(a2.id());
        });

        Scan a3 = assessment(T3);
        assertThat(findings.record(a3, List.of(rtsp), List.of(cam))).isEqualTo(new FindingCounts(0, 1, 1, 0));
        assertThat(findings.open(cam)).extracting(f -> f.finding().check()).containsExactly("rtsp-no-auth");
        assertThat(findings.open(cam).get(0).firstSeen()).isEqualTo(T1);
        assertThatThrownBy(() -> findings.record(assessment(T3 + 1), List.of(telnet), List.of(cam)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did not list as assessed");
    }
}
