package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.model.DeviceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's profiles, as discovery sees them (hand-built from lab/src/main/resources/lab/profiles/*.yaml and
 * lab/http/*.yaml: Server headers, realms, titles, RTSP banners, WS-Discovery scopes, UPnP descriptions), must come
 * out as the lab's manifest says: same vendor, model and kind.
 */
class FingerprintLabProfilesTest {
    private static final FingerprintEngine ENGINE = FingerprintEngine.load();
    private static final String FOSCAM_ENU = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n"
            + "<string id=\"IDS_LOGIN_USERNAME\">Username</string>\n<string id=\"IDS_HEARD_LIVE\">Live Video</string>\n"
            + "<string id=\"IDS_DEV_NAME\">Camera Model</string>\n</root>";

    /** A Foscam HD camera of the lab (fi9821p, fi9826p, c2, opticam-i5 share the web app and ports). */
    private static Evidence foscamHd(String ip, String onvifModel, String vendor, String model) {
        return Evidence.host(ip).tcp(88, 443, 554, 888).udp(1900)
                .saw("http.status", 88, "200").saw("http.title", 88, "IPCam Client")
                .saw("http.path:/lg/ENU.xml", 88, FOSCAM_ENU)
                .saw("tls.subject", 443, "CN=IPCAM, O=Foscam, C=CN")
                .saw("rtsp.status", 554, "401").saw("rtsp.realm", 554, "Foscam IPCam Living Video")
                .wsd(onvifModel, vendor)
                .saw("ssdp.server", 0, "Linux/2.6.35 UPnP/1.0 Foscam/1.0")
                .saw("upnp.manufacturer", 0, vendor).saw("upnp.model-name", 0, model)
                .saw("onvif.auth-required", 888, "true");
    }

    @Test
    void foscamFi9821p() {
        Identification id = ENGINE.identify(foscamHd("127.77.212.10", "FI9821P", "Foscam", "FI9821P").build());
        assertThat(id.vendor()).isEqualTo("Foscam");
        assertThat(id.family()).isEqualTo("foscam");
        assertThat(id.model()).isEqualTo("FI9821P");
        assertThat(id.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(id.firmware()).isNull();
        assertThat(id.confidence()).isGreaterThan(0.95);
        assertThat(id.reasons()).anyMatch(r -> r.startsWith("foscam/language-file: http.path:/lg/ENU.xml"));
    }

    @Test
    void foscamFi9826pAndC2() {
        assertThat(ENGINE.identify(foscamHd("127.77.212.11", "FI9826P", "Foscam", "FI9826P").build()))
                .extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Foscam", "FI9826P", DeviceKind.CAMERA);
        assertThat(ENGINE.identify(foscamHd("127.77.212.12", "C2", "Foscam", "C2").build()))
                .extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Foscam", "C2", DeviceKind.CAMERA);
    }

    @Test
    void opticamIsTheBrandOnFoscamsPlatform() {
        HostEvidence e = foscamHd("127.77.212.13", "i5%20HD", "Opticam", "i5 HD")
                .tcp(21, 23, 50021)
                .saw("telnet.banner", 23, "IPCAM login: ")
                .saw("onvif.manufacturer", 888, "Opticam").saw("onvif.model", 888, "i5 HD")
                .saw("onvif.firmware", 888, "2.21.1.128").saw("onvif.hardware", 888, "V1")
                .build();
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isEqualTo("Opticam");
        assertThat(id.family()).isEqualTo("foscam");
        assertThat(id.model()).isEqualTo("i5 HD");
        assertThat(id.firmware()).isEqualTo("2.21.1.128");
        assertThat(id.hardware()).isEqualTo("V1");
        assertThat(id.kind()).isEqualTo(DeviceKind.CAMERA);
        assertThat(id.reasons()).anyMatch(r -> r.contains("onvif.manufacturer \"Opticam\"") && r.endsWith("names Opticam"))
                .noneMatch(r -> r.startsWith("also matched"));
    }

    @Test
    void hikvisionDs2cd2032i() {
        HostEvidence e = Evidence.host("127.77.212.20").tcp(80, 443, 554, 8000)
                .saw("http.status", 80, "200").saw("http.server", 80, "App-webs/")
                .saw("http.server", 443, "App-webs/").saw("tls.subject", 443, "CN=192.0.0.64, O=Hikvision, C=CN")
                .saw("rtsp.status", 554, "401").saw("rtsp.realm", 554, "Hikvision")
                .wsd("DS-2CD2032-I", "Hikvision").saw("onvif.auth-required", 80, "true")
                .build();
        Identification id = ENGINE.identify(e);
        assertThat(id).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Hikvision", "DS-2CD2032-I", DeviceKind.CAMERA);
        assertThat(id.confidence()).isGreaterThan(0.95);
    }

    @Test
    void dahuaIpcHdw4300s() {
        HostEvidence e = Evidence.host("127.77.212.21").tcp(80, 443, 554, 37777)
                .saw("http.status", 80, "200").saw("http.title", 80, "WEB SERVICE")
                .saw("tls.subject", 443, "CN=IPC, O=Dahua, C=CN")
                .saw("rtsp.server", 554, "Dahua Rtsp Server").saw("rtsp.realm", 554, "Login to 3E0A1B2C3D4E5F6")
                .wsd("IPC-HDW4300S", "Dahua")
                .build();
        assertThat(ENGINE.identify(e)).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Dahua", "IPC-HDW4300S", DeviceKind.CAMERA);
    }

    @Test
    void xiongmaiDvrWithFirmwareFromOnvif() {
        HostEvidence e = Evidence.host("127.77.212.30").tcp(23, 80, 554, 8899, 9527, 34567)
                .saw("http.server", 80, "uc-httpd 1.0.0").saw("http.title", 80, "NETSurveillance WEB")
                .saw("rtsp.server", 554, "H264DVR 1.0").saw("rtsp.realm", 554, "H264DVR")
                .saw("telnet.banner", 23, "LocalHost login: ").saw("banner", 9527, "\\r\\nusername:")
                .wsd("AHB7008T-MH", "XiongMai")
                .saw("onvif.manufacturer", 8899, "XiongMai").saw("onvif.model", 8899, "AHB7008T-MH")
                .saw("onvif.firmware", 8899, "V4.02.R11.34500140.12001.131600.00000")
                .saw("onvif.hardware", 8899, "HI3521A")
                .build();
        Identification id = ENGINE.identify(e);
        assertThat(id).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("XiongMai", "AHB7008T-MH", DeviceKind.DVR);
        assertThat(id.firmware()).isEqualTo("V4.02.R11.34500140.12001.131600.00000");
        assertThat(id.hardware()).isEqualTo("HI3521A");
    }

    @Test
    void netwaveFromServerHeaderAndStatusPage() {
        HostEvidence e = Evidence.host("127.77.212.31")
                .saw("http.status", 80, "401").saw("http.server", 80, "Netwave IP Camera")
                .saw("http.realm", 80, "index.html").saw("http.auth-scheme", 80, "Basic")
                .saw("http.path:/get_status.cgi", 80, "var id='00606E000001';\nvar sys_ver='21.37.2.47';\nvar app_ver='2.0.10.19';\nvar alias='netwave-porch';")
                .build();
        Identification id = ENGINE.identify(e);
        assertThat(id).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Netwave", "IP Camera", DeviceKind.CAMERA);
        assertThat(id.firmware()).isEqualTo("21.37.2.47");
    }

    @Test
    void axisM3045v() {
        HostEvidence e = Evidence.host("127.77.212.40").tcp(80, 443, 554)
                .saw("http.status", 80, "302").saw("http.title", 80, "302 Found")
                .saw("http.location", 80, "/view/viewer_index.shtml")
                .saw("tls.subject", 443, "CN=axis-accc8e, O=Axis Communications AB, C=SE")
                .saw("rtsp.status", 554, "401").saw("rtsp.realm", 554, "AXIS_ACCC8E000028")
                .wsd("M3045-V", "Axis")
                .build();
        assertThat(ENGINE.identify(e)).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("Axis", "M3045-V", DeviceKind.CAMERA);
    }

    @Test
    void homeRouterIsTpLinkArcherC7() {
        HostEvidence e = Evidence.host("127.77.212.1").tcp(80, 5000).udp(1900)
                .saw("http.status", 80, "401").saw("http.realm", 80, "TP-Link Wireless Router Archer C7")
                .saw("http.auth-scheme", 80, "Basic").saw("http.title", 80, "401 Unauthorized")
                .saw("http.server", 5000, "Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9")
                .saw("ssdp.server", 0, "Linux/3.3.8 UPnP/1.1 MiniUPnPd/1.9")
                .saw("upnp.device-type", 0, "urn:schemas-upnp-org:device:InternetGatewayDevice:1")
                .saw("upnp.manufacturer", 0, "TP-Link").saw("upnp.model-name", 0, "Archer C7")
                .saw("upnp.model-number", 0, "3.15.1 Build 160616 Rel.44182n")
                .build();
        Identification id = ENGINE.identify(e);
        assertThat(id).extracting(Identification::vendor, Identification::model, Identification::kind)
                .containsExactly("TP-Link", "Archer C7", DeviceKind.ROUTER);
        assertThat(id.reasons()).noneMatch(r -> r.contains("confidence lowered"));
    }

    @Test
    void sshOnlyRaspberryPiIsNoCameraVendor() {
        HostEvidence e = Evidence.host("127.77.212.50")
                .saw("ssh.banner", 22, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3").build();
        Identification id = ENGINE.identify(e);
        assertThat(id.vendor()).isNull();
        assertThat(id.kind()).isEqualTo(DeviceKind.UNKNOWN);
        assertThat(id.confidence()).isZero();
        assertThat(id.reasons()).contains("open tcp ports: 22")
                .anyMatch(r -> r.startsWith("seen ssh.banner \"SSH-2.0-OpenSSH_9.2p1"));
    }
}
