package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.check.CheckLoader;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks the lab can prove, end to end against real profiles on 127.77.215.x: vulnerable firmware gives the
 * finding, patched firmware does not, and the hardened Axis gives no finding from any check, intrusive ones included.
 * Devices are described as discovery and the fingerprints would ({@link LabDevices}).
 */
class ChecksLabTest {
    private static final String LAB = """
            devices:
              - {name: c2-old, profile: foscam-c2, address: 127.77.215.1, firmware: "2.72.1.32"}
              - {name: c2-new, profile: foscam-c2, address: 127.77.215.2, firmware: "2.72.1.59"}
              - {name: i5, profile: opticam-i5, address: 127.77.215.3, firmware: "2.21.1.128-telnet-on"}
              - {name: netwave-old, profile: netwave-ipcam, address: 127.77.215.4, firmware: "21.37.2.47"}
              - {name: netwave-new, profile: netwave-ipcam, address: 127.77.215.5, firmware: "21.37.2.49"}
              - {name: router-old, profile: home-router, address: 127.77.215.6, firmware: "3.15.1 Build 160616 Rel.44182n"}
              - {name: router-new, profile: home-router, address: 127.77.215.7, firmware: "3.15.3 Build 180114 Rel.39265n"}
              - {name: xm-old, profile: xiongmai-dvr, address: 127.77.215.8, firmware: "V4.02.R11.34500140.12001.131600.00000"}
              - {name: xm-new, profile: xiongmai-dvr, address: 127.77.215.9, firmware: "V4.03.R11.C6380163.12201.140000.0000000"}
              - {name: dahua, profile: dahua-ipc-hdw, address: 127.77.215.10, firmware: "2.420.0000.0.R"}
              - {name: hik, profile: hikvision-ds-2cd2032-i, address: 127.77.215.11, firmware: "V5.3.0 build 150513"}
              - {name: axis, profile: axis-m3045-v, address: 127.77.215.12}
            """;

    /** The checks this test proves; the engine's own checks are proven by its tests. */
    private static final Set<String> PROVEN = Set.of("netwave-default-credentials", "tplink-router-default-credentials",
            "axis-default-credentials", "foscam-hidden-factory-account", "foscam-snapshot-unauthenticated",
            "hikvision-snapshot-unauthenticated", "dahua-snapshot-unauthenticated", "netwave-snapshot-unauthenticated",
            "axis-snapshot-unauthenticated", "ftp-anonymous-login", "xiongmai-debug-console-9527",
            "dahua-private-protocol-exposed", "foscam-fsecure-2017-firmware", "netwave-cve-2018-6479",
            "dahua-cve-2017-7925", "hikvision-config-user-xml-exposed", "xiongmai-cve-2017-7577");

    private static Lab lab;
    private static AssessResult result;

    @BeforeAll
    static void scan() {
        ProfileCatalog profiles = ProfileCatalog.load();
        lab = Lab.start(profiles, new FleetBuilder(profiles).build(
                LabConfig.parse("checks-lab.yaml", LAB.getBytes(StandardCharsets.UTF_8))), 2);
        List<Device> devices = LabDevices.of(lab.manifest());
        AssessOptions options = AssessOptions.defaults(Scope.parse("127.77.215.0/24")).withAllowIntrusive(true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
        result = new AssessEngine(CheckLoader.load()).assess(devices, options);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void vulnerableFirmwareIsFoundAndPatchedFirmwareIsNot() {
        assertThat(proven("127.77.215.1")).containsExactly("foscam-fsecure-2017-firmware", "foscam-hidden-factory-account");
        assertThat(proven("127.77.215.2")).isEmpty();
        assertThat(proven("127.77.215.3")).containsExactly("foscam-fsecure-2017-firmware", "foscam-hidden-factory-account");
        assertThat(proven("127.77.215.4")).containsExactly("netwave-cve-2018-6479", "netwave-default-credentials");
        assertThat(proven("127.77.215.5")).containsExactly("netwave-cve-2018-6479");
        assertThat(proven("127.77.215.6")).containsExactly("tplink-router-default-credentials");
        assertThat(proven("127.77.215.7")).isEmpty();
        assertThat(proven("127.77.215.8")).containsExactly("xiongmai-debug-console-9527");
        assertThat(proven("127.77.215.9")).isEmpty();
        assertThat(proven("127.77.215.10")).containsExactly("dahua-private-protocol-exposed");
        assertThat(proven("127.77.215.11")).isEmpty();
    }

    @Test
    void theHardenedAxisGivesNoFindingFromAnyCheck() {
        assertThat(result.findings()).filteredOn(f -> f.ip().equals("127.77.215.12")).isEmpty();
    }

    @Test
    void theRouterLoginReadsTheFirmwareAndKeepsThePasswordOutOfTheEvidence() {
        assertThat(result.facts()).filteredOn(f -> f.check().equals("tplink-router-default-credentials"))
                .singleElement().satisfies(f -> {
                    assertThat(f.ip()).isEqualTo("127.77.215.6");
                    assertThat(f.name()).isEqualTo("firmware");
                    assertThat(f.value()).isEqualTo("3.15.1 Build 160616 Rel.44182n");
                });
        Finding router = result.findings().stream()
                .filter(f -> f.check().equals("tplink-router-default-credentials")).findFirst().orElseThrow();
        assertThat(router.evidence()).contains("admin/****").doesNotContain("admin/admin");
        Finding netwave = result.findings().stream()
                .filter(f -> f.check().equals("netwave-default-credentials")).findFirst().orElseThrow();
        assertThat(netwave.evidence()).contains("admin/(blank)");
        Finding factory = result.findings().stream().filter(f -> f.check().equals("foscam-hidden-factory-account")
                && f.ip().equals("127.77.215.1")).findFirst().orElseThrow();
        assertThat(factory.evidence()).doesNotContain("Ak47");
    }

    /** The ids of the checks this test proves that found something on ip, sorted. */
    private static Set<String> proven(String ip) {
        Set<String> out = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.ip().equals(ip) && PROVEN.contains(f.check())) {
                out.add(f.check());
            }
        }
        return out;
    }
}
