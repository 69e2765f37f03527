package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * One realistic fixture per family beyond the lab's (signals from the research notes: Server headers, realms, titles,
 * vendor pages, ports, ONVIF/UPnP manufacturer names), near-misses that must name no vendor, and the conflict rules.
 */
class FingerprintFamiliesTest {
    private static final FingerprintEngine ENGINE = FingerprintEngine.load();

    static Stream<Arguments> families() {
        return Stream.of(
                arguments("amcrest", Evidence.host("127.77.212.101").tcp(80, 554, 37777)
                        .saw("http.title", 80, "WEB SERVICE")
                        .saw("http.path:/", 80, "<html><head><title>WEB SERVICE</title></head><body>... &copy; Amcrest Technologies LDAPUser")
                        .saw("rtsp.server", 554, "Dahua Rtsp Server")
                        .saw("onvif.manufacturer", 80, "Amcrest").saw("onvif.model", 80, "IP2M-841B")
                        .saw("onvif.firmware", 80, "V2.520.AC00.18.R, Build Date 2017-06-29").build(),
                        "Amcrest", "dahua", "IP2M-841B", DeviceKind.CAMERA),
                arguments("reolink", Evidence.host("127.77.212.102").tcp(80, 443, 554)
                        .saw("http.title", 80, "Reolink").wsd("RLC-510A", "Reolink").build(),
                        "Reolink", "reolink", "RLC-510A", DeviceKind.CAMERA),
                arguments("d-link camera", Evidence.host("127.77.212.103")
                        .saw("http.server", 80, "dcs-lig-httpd").saw("http.realm", 80, "DCS-930L").build(),
                        "D-Link", "d-link", "DCS-930L", DeviceKind.CAMERA),
                arguments("d-link router", Evidence.host("127.77.212.104")
                        .saw("http.realm", 80, "DIR-615").saw("upnp.manufacturer", 0, "D-Link Systems")
                        .saw("upnp.model-name", 0, "DIR-615").build(),
                        "D-Link", "d-link", "DIR-615", DeviceKind.ROUTER),
                arguments("uniview", Evidence.host("127.77.212.105").tcp(80, 554)
                        .wsd("IPC322LB-SF28-A", "UNIVIEW").saw("onvif.manufacturer", 80, "UNIVIEW")
                        .saw("onvif.model", 80, "IPC322LB-SF28-A").build(),
                        "Uniview", "uniview", "IPC322LB-SF28-A", DeviceKind.CAMERA),
                arguments("uniview nvr", Evidence.host("127.77.212.106").tcp(80, 554)
                        .saw("onvif.manufacturer", 80, "Zhejiang Uniview Technologies Co., Ltd.")
                        .saw("onvif.model", 80, "NVR301-04S2-P4").build(),
                        "Uniview", "uniview", "NVR301-04S2-P4", DeviceKind.NVR),
                arguments("hanwha", Evidence.host("127.77.212.107").tcp(80, 443, 554)
                        .saw("http.title", 80, "Wisenet WEBVIEWER").saw("onvif.manufacturer", 80, "Hanwha Vision")
                        .saw("onvif.model", 80, "XNV-6080R").build(),
                        "Hanwha Vision", "hanwha", "XNV-6080R", DeviceKind.CAMERA),
                arguments("samsung dvr", Evidence.host("127.77.212.108")
                        .saw("http.title", 80, "Web Viewer for Samsung DVR").build(),
                        "Hanwha Vision", "hanwha", null, DeviceKind.DVR),
                arguments("mobotix", Evidence.host("127.77.212.109")
                        .saw("http.title", 80, "MOBOTIX M16 Camera")
                        .saw("http.path:/cgi-bin/guestimage.html", 80, "<html><head><title>MOBOTIX Guest Image</title>").build(),
                        "Mobotix", "mobotix", null, DeviceKind.CAMERA),
                arguments("ubiquiti", Evidence.host("127.77.212.110").tcp(22, 80, 443, 554)
                        .saw("ssh.banner", 22, "SSH-2.0-dropbear_2019.78")
                        .saw("onvif.manufacturer", 80, "Ubiquiti Networks").saw("onvif.model", 80, "UVC-G3")
                        .saw("tls.subject", 443, "CN=UniFi Video, O=Ubiquiti Networks, C=US").build(),
                        "Ubiquiti", "ubiquiti", "UVC-G3", DeviceKind.CAMERA),
                arguments("tvt", Evidence.host("127.77.212.111")
                        .saw("http.path:/", 80, "<!DOCTYPE html><html><head><title></title><script>var systemType='NVMS-9000';</script>")
                        .saw("http.path:/queryDevInfo", 80, "<response><content><softwareVersion><![CDATA[1.4.2.56467B201223.n1.U2]]></softwareVersion>").build(),
                        "TVT", "tvt", null, DeviceKind.NVR),
                arguments("goahead wificam", Evidence.host("127.77.212.112").tcp(80, 554)
                        .saw("http.server", 80, "GoAhead-Webs").saw("http.realm", 80, "GoAhead")
                        .saw("http.path:/get_status.cgi", 80, "var id='001122334455';\nvar sys_ver='48.53.64.82';\nvar app_ver='3.0.1';").build(),
                        "GoAhead WIFICAM OEM", "goahead-wificam", null, DeviceKind.CAMERA),
                arguments("hikvision nvr", Evidence.host("127.77.212.113")
                        .saw("http.server", 80, "DNVRS-Webs").saw("onvif.manufacturer", 80, "HIKVISION")
                        .saw("onvif.model", 80, "DS-7608NI-K2").build(),
                        "Hikvision", "hikvision", "DS-7608NI-K2", DeviceKind.NVR),
                arguments("foscam by its cgi alone", Evidence.host("127.77.212.114").tcp(88)
                        .saw("http.path:/cgi-bin/CGIProxy.fcgi", 88, "<CGI_Result>\n    <result>-2</result>\n</CGI_Result>").build(),
                        "Foscam", "foscam", null, DeviceKind.CAMERA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void identifiesFamily(String name, HostEvidence e, String vendor, String family, String model, DeviceKind kind) {
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).as(id.reasons().toString()).isEqualTo(vendor);
        assertThat(id.family()).isEqualTo(family);
        assertThat(id.model()).isEqualTo(model);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.confidence()).isBetween(FingerprintEngine.MIN_SCORE, 1.0);
    }

    @Test
    void everyFamilyHasAFixtureAbove() {
        // platforms by family id, OEM brands (Amcrest) by vendor; the lab test covers the rest (Opticam included)
        List<String> covered = Stream.of(families().map(a -> (String) a.get()[3]),
                families().map(a -> ((String) a.get()[2]).toLowerCase(Locale.ROOT)),
                Stream.of("foscam", "opticam", "hikvision", "dahua", "xiongmai", "netwave", "axis", "tp-link"))
                .flatMap(s -> s).toList();
        assertThat(covered).containsAll(ENGINE.families().stream().filter(f -> !f.equals("opticam")).toList());
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                arguments("ordinary web server with a login page", Evidence.host("127.77.212.120")
                        .saw("http.server", 80, "Apache/2.4.57 (Debian)").saw("http.title", 80, "Login").build()),
                arguments("Foscam-like title alone", Evidence.host("127.77.212.121")
                        .saw("http.title", 80, "IPCam Client").build()),
                arguments("Dahua's port alone", Evidence.host("127.77.212.122").tcp(37777).build()),
                arguments("XiongMai's port alone", Evidence.host("127.77.212.123").tcp(34567).build()),
                arguments("Dahua-style realm alone", Evidence.host("127.77.212.124")
                        .saw("http.realm", 80, "Login to 4A0123456789").build()),
                arguments("Hikvision-style model realm alone", Evidence.host("127.77.212.125")
                        .saw("http.realm", 80, "DS-2CD2032-I").build()),
                arguments("GoAhead router without camera pages", Evidence.host("127.77.212.126")
                        .saw("http.server", 80, "GoAhead-Webs").saw("http.title", 80, "Wireless Router").build()),
                arguments("miniupnpd router of a maker we do not know", Evidence.host("127.77.212.127").udp(1900)
                        .saw("ssdp.server", 0, "Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9")
                        .saw("upnp.manufacturer", 0, "NETGEAR, Inc.").saw("upnp.model-name", 0, "R7000").build()),
                arguments("manufacturer with a vendor name inside a word", Evidence.host("127.77.212.128")
                        .saw("upnp.manufacturer", 0, "Taxis Hikvisionary Ltd").build()),
                arguments("embedded box with dropbear", Evidence.host("127.77.212.129")
                        .saw("ssh.banner", 22, "SSH-2.0-dropbear_2019.78").saw("telnet.banner", 23, "login: ").build()),
                arguments("Boa web server titled IP CAMERA", Evidence.host("127.77.212.130")
                        .saw("http.server", 80, "Boa/0.94.14rc21").saw("http.title", 80, "IP CAMERA").build()),
                arguments("nothing at all", Evidence.host("127.77.212.131").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void nearMissNamesNoVendor(String name, HostEvidence e) {
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).as(id.reasons().toString()).isNull();
        assertThat(id.family()).isNull();
        assertThat(id.model()).isNull();
        assertThat(id.kind()).isEqualTo(DeviceKind.UNKNOWN);
        assertThat(id.reasons()).first().isEqualTo("no fingerprint matched strongly enough to name a vendor");
    }

    @Test
    void unknownManufacturerIsListedNotGuessed() {
        Identification id = ENGINE.identify(Evidence.host("127.77.212.132")
                .saw("upnp.manufacturer", 0, "NETGEAR, Inc.").build());
        assertThat(id.reasons()).contains("upnp.manufacturer \"NETGEAR, Inc.\" names no known family");
    }

    @Test
    void tieLeavesTheVendorOpen() {
        HostEvidence e = Evidence.host("127.77.212.140")
                .saw("http.server", 80, "App-webs/").saw("rtsp.server", 554, "Dahua Rtsp Server").build();
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isNull();
        assertThat(id.family()).isNull();
        assertThat(id.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(id.confidence()).isEqualTo(0.4);
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("tie between ") && r.endsWith("vendor left open"));
    }

    @Test
    void contradictingFamilyLowersConfidence() {
        HostEvidence e = Evidence.host("127.77.212.141").tcp(37777)
                .saw("http.server", 80, "App-webs/").saw("rtsp.realm", 554, "Hikvision")
                .saw("onvif.manufacturer", 80, "HIKVISION").saw("http.title", 8080, "WEB SERVICE").build();
        Identification alone = ENGINE.identify(Evidence.host("127.77.212.141")
                .saw("http.server", 80, "App-webs/").saw("rtsp.realm", 554, "Hikvision")
                .saw("onvif.manufacturer", 80, "HIKVISION").build());
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isEqualTo("Hikvision");
        assertThat(id.confidence()).isLessThan(alone.confidence() - 0.2);
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("also matched Dahua") && r.endsWith("confidence lowered"));
    }

    @Test
    void disagreeingModelSourcesAreNotedAndLowerConfidence() {
        HostEvidence agree = Evidence.host("127.77.212.142").saw("http.server", 80, "App-webs/")
                .saw("onvif.model", 80, "DS-2CD2142FWD-I").saw("http.realm", 80, "DS-2CD2142FWD-I").build();
        HostEvidence differ = Evidence.host("127.77.212.142").saw("http.server", 80, "App-webs/")
                .saw("onvif.model", 80, "DS-2CD2142FWD-I").saw("http.realm", 80, "DS-2CD2032-I").build();
        Identification id = ENGINE.identify(differ);
        assertThat(id.model()).isEqualTo("DS-2CD2142FWD-I");
        assertThat(id.confidence()).isLessThan(ENGINE.identify(agree).confidence());
        assertThat(id.reasons()).contains("model: http.realm \"DS-2CD2032-I\" (port 80) disagrees, kept DS-2CD2142FWD-I: confidence lowered");
    }

    @Test
    void brokenPercentEscapeInScopesIsKeptAsSent() {
        HostEvidence e = Evidence.host("127.77.212.143").saw("http.server", 80, "App-webs/")
                .wsd("DS-%ZZ", "HIKVISION").build();
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isEqualTo("Hikvision");
        assertThat(id.model()).isEqualTo("DS-%ZZ");
    }

    @Test
    void toDeviceCarriesTheIdentificationAndServices() {
        HostEvidence e = Evidence.host("127.77.212.144").saw("http.server", 80, "App-webs/")
                .saw("rtsp.realm", 554, "Hikvision").saw("onvif.model", 80, "DS-2CD2032-I")
                .saw("onvif.firmware", 80, "V5.4.5 build 170124").build();
        List<Service> services = List.of(new Service(80, Transport.TCP, "http", "App-webs", null),
                new Service(554, Transport.TCP, "rtsp", null, null));
        Device d = ENGINE.toDevice(e, services);
        Identification id = ENGINE.identify(e);
        assertThat(d).isEqualTo(new Device("127.77.212.144", DeviceKind.CAMERA, "Hikvision", "DS-2CD2032-I", null,
                "V5.4.5 build 170124", id.confidence(), services));
    }
}
