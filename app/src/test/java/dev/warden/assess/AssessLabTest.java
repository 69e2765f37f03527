package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.check.CheckCatalog;
import dev.warden.assess.check.CheckLoader;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped checks against a small lab of real profiles on 127.77.213.x: what is planted is found, nothing else. */
class AssessLabTest {
    private static final String LAB = """
            name: assess
            devices:
              - name: router
                profile: home-router
                address: 127.77.213.1
                port-mappings:
                  - {external-port: 8088, protocol: TCP, internal: foscam-old, internal-port: 88, description: "IPCAM HTTP"}
                  - {external-port: 8554, protocol: TCP, internal: hikvision, internal-port: 554, description: "DS-2CD2032-I RTSP"}
              - {name: foscam-old, profile: foscam-fi9821p, address: 127.77.213.10, firmware: "2.11.1.118"}
              - {name: foscam-new, profile: foscam-fi9821p, address: 127.77.213.11, firmware: "2.11.1.133"}
              - {name: hikvision, profile: hikvision-ds-2cd2032-i, address: 127.77.213.20, firmware: "V5.3.0 build 150513"}
              - {name: xiongmai, profile: xiongmai-dvr, address: 127.77.213.30, firmware: "V4.02.R11.34500140.12001.131600.00000"}
              - {name: opticam, profile: opticam-i5, address: 127.77.213.40, firmware: "2.21.1.128-telnet-on"}
              - {name: axis, profile: axis-m3045-v, address: 127.77.213.50}
            """;

    private static Lab lab;
    private static AssessResult result;

    @BeforeAll
    static void scan() {
        ProfileCatalog cat = ProfileCatalog.load();
        List<SimDevice> devs = new FleetBuilder(cat).build(LabConfig.parse("assess.yaml", LAB.getBytes(StandardCharsets.UTF_8)));
        lab = Lab.start(cat, devs, 2);
        CheckCatalog checks = CheckLoader.load();
        AssessOptions options = AssessOptions.defaults(Scope.parse("127.77.213.0/24")).withAllowIntrusive(true);
        result = new AssessEngine(checks).assess(LabDevices.of(lab.manifest()), options);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static List<String> checksOn(String ip) {
        return result.findings().stream().filter(f -> f.ip().equals(ip)).map(f -> f.check() + "@" + f.port()).sorted().toList();
    }

    @Test
    void plantedWeaknessesAreFoundAndNothingElse() {
        assertThat(checksOn("127.77.213.10")).containsExactly("foscam-default-credentials@88", "upnp-port-forward-exposes-camera@88");
        assertThat(checksOn("127.77.213.11")).as("patched Foscam").isEmpty();
        assertThat(checksOn("127.77.213.20")).containsExactly("hikvision-cve-2017-7921@80", "hikvision-default-credentials@80",
                "upnp-port-forward-exposes-camera@554");
        assertThat(checksOn("127.77.213.30")).containsExactly("onvif-device-info-unauthenticated@8899",
                "rtsp-stream-unauthenticated@554", "telnet-service-exposed@23", "xiongmai-debug-console-9527@9527",
                "xiongmai-default-credentials-web@80", "xiongmai-telnet-hardcoded-root@23", "xiongmai-uc-httpd-cve-2018-10088@80");
        assertThat(checksOn("127.77.213.40")).containsExactly("foscam-default-credentials@88", "foscam-fsecure-2017-firmware@0",
                "foscam-ftpuser1-blank@50021", "foscam-hidden-factory-account@88",
                "onvif-device-info-unauthenticated@888", "onvif-streamuri-credential-leak@888", "telnet-service-exposed@23");
        assertThat(checksOn("127.77.213.50")).as("hardened Axis").isEmpty();
        assertThat(checksOn("127.77.213.1")).as("the router's own UPnP table is not its finding; its admin/admin is")
                .containsExactly("tplink-router-default-credentials@80");
    }

    @Test
    void theDefaultCredentialLoginDoublesAsTheVersionOracle() {
        String facts = result.facts().stream().map(f -> f.ip() + " " + f.check() + " " + f.name() + "=" + f.value())
                .collect(Collectors.joining("\n"));
        assertThat(facts).contains("127.77.213.10 foscam-default-credentials firmware=2.11.1.118",
                "127.77.213.10 foscam-default-credentials model=FI9821P",
                "127.77.213.20 hikvision-default-credentials firmware=V5.3.0",
                "127.77.213.30 xiongmai-default-credentials-web firmware=V4.02.R11.34500140.12001.131600.00000");
    }

    @Test
    void evidenceIsOneRedactedLine() {
        Finding foscam = result.findings().stream().filter(f -> f.ip().equals("127.77.213.10")
                && f.check().equals("foscam-default-credentials")).findFirst().orElseThrow();
        assertThat(foscam.evidence()).isEqualTo("GET /cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd=(blank) → 200;"
                + " matched status [200] and word '<result>0</result>' in body");
        Finding telnet = result.findings().stream().filter(f -> f.check().equals("xiongmai-telnet-hardcoded-root"))
                .findFirst().orElseThrow();
        assertThat(telnet.evidence()).startsWith("telnet login root/**** → shell prompt");
        assertThat(telnet.cve()).containsExactly("CVE-2016-1000245");
        for (Finding f : result.findings()) {
            assertThat(f.evidence()).doesNotContain("xc3511", "12345", "\n", "<firmwareVersion>V5");
        }
        assertThat(String.join("\n", result.notes())).doesNotContain("xc3511", "12345");
        Finding upnp = result.findings().stream().filter(f -> f.ip().equals("127.77.213.20")
                && f.check().equals("upnp-port-forward-exposes-camera")).findFirst().orElseThrow();
        assertThat(upnp.evidence()).startsWith("router 127.77.213.1:5000 forwards external TCP 8554 to 127.77.213.20:554");
    }

    @Test
    void intrusiveChecksNeedTheOptIn() {
        AssessResult cautious = new AssessEngine(CheckLoader.load()).assess(
                LabDevices.of(lab.manifest()).stream().filter(d -> d.ip().equals("127.77.213.20")).toList(),
                AssessOptions.defaults(Scope.parse("127.77.213.0/24")));
        assertThat(cautious.findings()).extracting(Finding::check).contains("hikvision-default-credentials")
                .doesNotContain("hikvision-cve-2017-7921");
    }
}
