package dev.warden.discover;

import dev.warden.scope.Targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End to end against a small lab on 127.77.210.x: what discovery sees on real-looking devices. */
class DiscoveryLabTest {
    private static final String LAB = """
            devices:
              - {name: dvr, profile: xiongmai-dvr, address: 127.77.210.1, firmware: "V4.02.R11.34500140.12001.131600.00000"}
              - {name: router, profile: home-router, address: 127.77.210.2, firmware: "3.15.1 Build 160616 Rel.44182n"}
              - {name: hik, profile: hikvision-ds-2cd2032-i, address: 127.77.210.3, firmware: "V5.3.0 build 150513"}
              - {name: foscam, profile: foscam-fi9821p, address: 127.77.210.4, firmware: "2.11.1.118"}
            """;
    private static Lab lab;
    private static Map<String, HostEvidence> byIp;
    private static final List<int[]> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void scanLab() throws InterruptedException {
        ProfileCatalog cat = ProfileCatalog.load();
        lab = Lab.start(cat, new FleetBuilder(cat).build(LabConfig.parse("discover-lab.yaml",
                LAB.getBytes(StandardCharsets.UTF_8))), 2);
        Map<String, HostEvidence> seen = new ConcurrentHashMap<>();
        new DiscoveryEngine(DiscoveryOptions.defaults()).scan(Targets.parse("127.77.210.1-6"),
                e -> seen.put(e.ip(), e), (done, total) -> PROGRESS.add(new int[] {done, total}));
        byIp = seen;
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private static HostEvidence host(String ip) {
        assertThat(byIp).containsKey(ip);
        return byIp.get(ip);
    }

    @Test
    void onlyHostsThatAnsweredAreReportedAndProgressCountsEveryHost() {
        assertThat(byIp.keySet()).containsExactlyInAnyOrder("127.77.210.1", "127.77.210.2", "127.77.210.3", "127.77.210.4");
        assertThat(PROGRESS).hasSize(6);
        assertThat(PROGRESS.get(5)).containsExactly(6, 6);
    }

    @Test
    void xiongmaiDvr() {
        HostEvidence e = host("127.77.210.1");
        assertThat(e.tcpPorts()).contains(23, 80, 554, 8899, 9527, 34567);
        assertThat(e.udpPorts()).containsExactly(3702);
        assertThat(e.first(EvidenceKeys.HTTP_SERVER)).contains("uc-httpd 1.0.0");
        assertThat(e.first(EvidenceKeys.TELNET_BANNER)).hasValueSatisfying(v -> assertThat(v).contains("login:"));
        assertThat(e.first(EvidenceKeys.WSD_SCOPES)).hasValueSatisfying(v -> assertThat(v).contains("hardware/AHB7008T-MH"));
        assertThat(e.first(EvidenceKeys.WSD_XADDR)).contains("http://127.77.210.1:8899/onvif/device_service");
        assertThat(e.first(EvidenceKeys.RTSP_SERVER)).contains("H264DVR 1.0");
        assertThat(e.first(EvidenceKeys.HTTP_PATH_PREFIX + "/Login.htm")).isPresent();
        assertThat(e.values(EvidenceKeys.BANNER)).anySatisfy(b -> assertThat(b).contains("username:"));
        // this firmware answers ONVIF without credentials (onvif-no-auth)
        assertThat(e.first(EvidenceKeys.ONVIF_MANUFACTURER)).isPresent();
        assertThat(ServiceNamer.services(e)).contains(new Service(80, Transport.TCP, "http", "uc-httpd", "1.0.0"),
                new Service(23, Transport.TCP, "telnet", null, null), new Service(3702, Transport.UDP, "ws-discovery", null, null));
    }

    @Test
    void homeRouter() {
        HostEvidence e = host("127.77.210.2");
        assertThat(e.tcpPorts()).contains(80, 5000);
        assertThat(e.udpPorts()).containsExactly(1900);
        assertThat(e.first(EvidenceKeys.SSDP_LOCATION)).contains("http://127.77.210.2:5000/rootDesc.xml");
        assertThat(e.first(EvidenceKeys.SSDP_SERVER)).contains("Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9");
        assertThat(e.first(EvidenceKeys.UPNP_MODEL_NAME)).contains("Archer C7");
        assertThat(e.first(EvidenceKeys.UPNP_MANUFACTURER)).contains("TP-Link");
        assertThat(e.first(EvidenceKeys.UPNP_DEVICE_TYPE)).contains("urn:schemas-upnp-org:device:InternetGatewayDevice:1");
        assertThat(ServiceNamer.services(e)).contains(new Service(1900, Transport.UDP, "ssdp", "MiniUPnPd", "1.9"));
    }

    @Test
    void hikvisionCamera() {
        HostEvidence e = host("127.77.210.3");
        assertThat(e.tcpPorts()).contains(80, 443, 554, 8000);
        assertThat(e.first(EvidenceKeys.RTSP_REALM)).contains("Hikvision");
        assertThat(e.first(EvidenceKeys.RTSP_STATUS)).contains("401");
        assertThat(e.values(EvidenceKeys.HTTP_SERVER)).contains("App-webs/");
        // RFC 2253 order: the lab encodes the profile's "CN=192.0.0.64, O=Hikvision, C=CN" as written, CN first
        assertThat(e.first(EvidenceKeys.TLS_SUBJECT)).contains("C=CN, O=Hikvision, CN=192.0.0.64");
        assertThat(e.first(EvidenceKeys.TLS_KEY_SHA256)).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f]{64}"));
        assertThat(e.first(EvidenceKeys.HTTP_PATH_PREFIX + "/doc/page/login.asp")).isPresent();
        assertThat(e.first(EvidenceKeys.ONVIF_AUTH_REQUIRED)).contains("true");
        assertThat(ServiceNamer.services(e)).contains(new Service(443, Transport.TCP, "https", "App-webs", null),
                new Service(80, Transport.TCP, "http", "App-webs", null));
    }

    @Test
    void foscamCamera() {
        HostEvidence e = host("127.77.210.4");
        assertThat(e.tcpPorts()).contains(88);
        assertThat(e.first(EvidenceKeys.HTTP_PATH_PREFIX + "/lg/ENU.xml")).isPresent();
    }

    @Test
    @Timeout(20)
    void aStreamCanBeClosedAfterItsFirstHost() {
        try (Stream<HostEvidence> s = new DiscoveryEngine(DiscoveryOptions.defaults())
                .stream(Targets.parse("127.77.210.0/24"), ProgressListener.NONE)) {
            assertThat(s.findFirst()).isPresent();
        }
    }

    @Test
    void aCallbackThatThrowsFailsTheScanAfterItFinishes() {
        assertThatThrownBy(() -> new DiscoveryEngine(DiscoveryOptions.defaults().withTcpPorts(List.of(80)).withUdp(false))
                .scan(Targets.parse("127.77.210.1-2"), e -> {
                    throw new IllegalStateException("consumer bug");
                }, ProgressListener.NONE)).hasMessage("consumer bug");
    }

    @Test
    void observationsComeInAStableOrderAndTheStreamYieldsTheSameHosts() {
        try (Stream<HostEvidence> s = new DiscoveryEngine(DiscoveryOptions.defaults().withTcpPorts(List.of(80, 554, 8899)))
                .stream(Targets.parse("127.77.210.1-2"), ProgressListener.NONE)) {
            Map<String, HostEvidence> streamed = s.collect(Collectors.toMap(HostEvidence::ip, e -> e));
            assertThat(streamed.keySet()).containsExactlyInAnyOrder("127.77.210.1", "127.77.210.2");
            HostEvidence dvr = streamed.get("127.77.210.1");
            assertThat(dvr.tcpPorts()).containsExactly(80, 554, 8899);
            assertThat(dvr.observations().stream().filter(o -> o.port() > 0 && o.port() < 3702).map(o -> o.port()).toList())
                    .isSorted();
        }
    }
}
