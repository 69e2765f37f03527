package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.model.DeviceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The vendor-neutral kind rules of {@code _common.yaml}: a device no family names still gets the kind it describes
 * itself as (a real miniupnpd's InternetGatewayDevice, an unknown brand's ONVIF NetworkVideoTransmitter), its vendor
 * stays null, contradicting self-descriptions leave the kind unknown, and a named family's kind wins.
 */
class FingerprintKindsTest {
    private static final FingerprintEngine ENGINE = FingerprintEngine.load();
    private static final Path CONTENT = Path.of("..", "content", "fingerprints");
    private static final String IGD2 = "urn:schemas-upnp-org:device:InternetGatewayDevice:2";

    /** miniupnpd 2.3.1 as Debian 12 packages it: it names Debian as manufacturer and its release as model. */
    private static Evidence debianMiniupnpd(String ip) {
        return Evidence.host(ip).tcp(5000).udp(1900)
                .saw("ssdp.server", 0, "Debian/12 UPnP/1.1 MiniUPnPd/2.3.1")
                .saw("ssdp.location", 0, "http://" + ip + ":5000/rootDesc.xml")
                .saw("upnp.device-type", 0, IGD2)
                .saw("upnp.friendly-name", 0, "Debian router")
                .saw("upnp.manufacturer", 0, "Debian")
                .saw("upnp.model-name", 0, "Debian/bookworm")
                .saw("upnp.model-number", 0, "2.3.1");
    }

    /** A camera of a brand no family knows, answering WS-Discovery and ONVIF GetDeviceInformation. */
    private static Evidence unknownBrandOnvifCamera(String ip) {
        return Evidence.host(ip).tcp(80, 554)
                .wsd("AV-IPC200", "Acmevision")
                .saw("wsd.types", 0, "dn:NetworkVideoTransmitter tds:Device")
                .saw("onvif.manufacturer", 80, "Shenzhen Acmevision Technology")
                .saw("onvif.model", 80, "AV-IPC200").saw("onvif.firmware", 80, "V1.0.3")
                .saw("rtsp.status", 554, "401");
    }

    @Test
    void debianMiniupnpdIsARouterOfNoVendor() {
        Identification id = ENGINE.identify(debianMiniupnpd("127.77.217.1").build());
        assertThat(id.kind()).as(id.reasons().toString()).isEqualTo(DeviceKind.ROUTER);
        assertThat(id.vendor()).isNull();
        assertThat(id.family()).isNull();
        assertThat(id.model()).isNull();
        assertThat(id.confidence()).isEqualTo(0.8);
        assertThat(id.reasons()).first().isEqualTo("no fingerprint matched strongly enough to name a vendor");
        assertThat(id.reasons()).contains("kind router from the device's own description (_common/upnp-internet-gateway: "
                        + "upnp.device-type \"" + IGD2 + "\"); no vendor family matched",
                "upnp.manufacturer \"Debian\" names no known family");
    }

    @Test
    void unknownBrandOnvifCameraIsACameraOfNoVendor() {
        Identification id = ENGINE.identify(unknownBrandOnvifCamera("127.77.217.2").build());
        assertThat(id.kind()).as(id.reasons().toString()).isEqualTo(DeviceKind.CAMERA);
        assertThat(id.vendor()).isNull();
        assertThat(id.family()).isNull();
        assertThat(id.firmware()).isNull();
        assertThat(id.confidence()).isEqualTo(0.9);
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("kind camera from the device's own description (")
                && r.contains("_common/wsd-video-transmitter: wsd.types \"dn:NetworkVideoTransmitter tds:Device\"")
                && r.contains("_common/onvif-device-information: onvif.manufacturer")
                && r.endsWith("; no vendor family matched"));
    }

    @Test
    void onvifDeviceInformationAloneIsAWeakerCamera() {
        Identification id = ENGINE.identify(Evidence.host("127.77.217.3")
                .saw("onvif.manufacturer", 80, "Acmevision").saw("onvif.model", 80, "AV-IPC200").build());
        assertThat(id.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(id.vendor()).isNull();
        assertThat(id.confidence()).isEqualTo(0.5);
    }

    @Test
    void contradictingSelfDescriptionsLeaveTheKindUnknown() {
        HostEvidence e = debianMiniupnpd("127.77.217.4")
                .saw("wsd.types", 0, "dn:NetworkVideoTransmitter tds:Device").build();
        Identification id = ENGINE.identify(e);
        assertThat(id.kind()).isEqualTo(DeviceKind.UNKNOWN);
        assertThat(id.vendor()).isNull();
        assertThat(id.confidence()).isZero();
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("kind left unknown: the device's own descriptions contradict")
                && r.contains("router by _common/upnp-internet-gateway") && r.contains("camera by _common/wsd-video-transmitter"));
    }

    static Stream<Arguments> notSelfDescribed() {
        return Stream.of(
                arguments("SSH banner only (the lab's Raspberry Pi)", Evidence.host("127.77.217.10")
                        .saw("ssh.banner", 22, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3").build()),
                arguments("UPnP basic device", Evidence.host("127.77.217.11").udp(1900)
                        .saw("upnp.device-type", 0, "urn:schemas-upnp-org:device:Basic:1")
                        .saw("upnp.manufacturer", 0, "Debian").build()),
                arguments("WS-Discovery without a video type", Evidence.host("127.77.217.12").udp(3702)
                        .saw("wsd.types", 0, "wsdp:Device pub:Computer").build()),
                arguments("a type that only contains the word", Evidence.host("127.77.217.13").udp(3702)
                        .saw("wsd.types", 0, "x:NetworkVideoTransmitterProxy").build()),
                arguments("ONVIF refused for want of credentials (any 401 looks so)", Evidence.host("127.77.217.14")
                        .saw("onvif.auth-required", 80, "true").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSelfDescribed")
    void withoutASelfDescriptionTheKindStaysUnknown(String name, HostEvidence e) {
        Identification id = ENGINE.identify(e);
        assertThat(id.kind()).as(id.reasons().toString()).isEqualTo(DeviceKind.UNKNOWN);
        assertThat(id.vendor()).isNull();
        assertThat(id.confidence()).isZero();
        assertThat(id.reasons()).noneMatch(r -> r.startsWith("kind "));
    }

    @Test
    void aNamedFamilysKindWinsOverTheSelfDescription() {
        HostEvidence e = Evidence.host("127.77.217.20").tcp(80, 554, 8000)
                .saw("http.server", 80, "DNVRS-Webs").saw("rtsp.realm", 554, "Hikvision")
                .saw("wsd.types", 0, "dn:NetworkVideoTransmitter tds:Device")
                .saw("onvif.manufacturer", 80, "HIKVISION").build();
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isEqualTo("Hikvision");
        assertThat(id.kind()).isEqualTo(DeviceKind.NVR);
        assertThat(id.reasons()).noneMatch(r -> r.contains("the device's own description"));
    }

    @Test
    void tiedFamiliesThatDisagreeLeaveTheKindToTheSelfDescription(@TempDir Path dir) throws IOException {
        Files.copy(CONTENT.resolve(FingerprintLoader.COMMON), dir.resolve(FingerprintLoader.COMMON));
        Files.writeString(dir.resolve("a.yaml"),
                "id: a\nvendor: A\nkind: camera\nrules:\n  - {id: r, when: {key: http.server, match: '^Shared'}, score: 0.6}\n");
        Files.writeString(dir.resolve("b.yaml"),
                "id: b\nvendor: B\nkind: dvr\nrules:\n  - {id: r, when: {key: http.server, match: '^Shared'}, score: 0.6}\n");
        HostEvidence e = debianMiniupnpd("127.77.217.21").saw("http.server", 80, "Shared-httpd").build();
        Identification id = FingerprintEngine.load(dir).identify(e);
        assertThat(id.vendor()).isNull();
        assertThat(id.kind()).isEqualTo(DeviceKind.ROUTER);
        assertThat(id.confidence()).isEqualTo(0.3);
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("tie between A"))
                .anyMatch(r -> r.startsWith("kind router from the device's own description")
                        && r.endsWith("; the tied families disagree on the kind"));
    }

    @Test
    void kindRuleWithoutAKindIsRejectedNamingFileAndRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FingerprintLoader.COMMON),
                "kinds:\n  - {id: gw, when: {key: upnp.device-type, match: Gateway}, score: 0.8}\n");
        assertThatThrownBy(() -> FingerprintEngine.load(dir)).isInstanceOf(FingerprintException.class)
                .hasMessage(dir + "/_common.yaml rule gw: 'kind' is required and must not be unknown");
        Files.writeString(dir.resolve(FingerprintLoader.COMMON),
                "kinds:\n  - {id: gw, when: {key: upnp.device-type, match: Gateway}, kind: unknown, score: 0.8}\n");
        assertThatThrownBy(() -> FingerprintEngine.load(dir)).isInstanceOf(FingerprintException.class)
                .hasMessage(dir + "/_common.yaml rule gw: 'kind' is required and must not be unknown");
        Files.writeString(dir.resolve(FingerprintLoader.COMMON),
                "kinds:\n  - {id: gw, when: {key: upnp.devicetype}, kind: router, score: 0.8}\n");
        assertThatThrownBy(() -> FingerprintEngine.load(dir)).isInstanceOf(FingerprintException.class)
                .hasMessageStartingWith(dir + "/_common.yaml rule gw: unknown evidence key 'upnp.devicetype'");
    }
}
