package dev.warden.lab.proto.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.device.SimDevice;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hikvision-web route set against real lab cameras: a vulnerable V5.4.0, a patched V5.4.5, one to lock out. */
class HikvisionWebTest {
    private static final String BYPASS = "?auth=YWRtaW46MTEK";
    private static Lab lab;
    private static final VendorWebClient VULN = new VendorWebClient("127.77.244.11");
    private static final VendorWebClient PATCHED = new VendorWebClient("127.77.244.12");
    private static final VendorWebClient LOCK = new VendorWebClient("127.77.244.13");

    @BeforeAll
    static void start() {
        lab = VendorWebClient.startLab(
                new String[] {"hik-vuln", "test-vendors-hikvision", "127.77.244.11", "V5.4.0 build 160530"},
                new String[] {"hik-patched", "test-vendors-hikvision", "127.77.244.12", "V5.4.5 build 170124"},
                new String[] {"hik-lock", "test-vendors-hikvision", "127.77.244.13", "V5.4.0 build 160530"});
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void rootSendsTheBrowserToTheLoginPage() throws Exception {
        HttpResponse<String> root = VULN.get("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Server")).hasValue("App-webs/");
        assertThat(root.body()).contains("window.location.href = \"/doc/page/login.asp?_\"");

        HttpResponse<String> login = VULN.get("/doc/page/login.asp?_1500000000000");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(login.body()).contains("<title>Login</title>", "Hikvision Digital Technology");
    }

    @Test
    void deviceInfoNeedsDigestInTheModelRealmAndReportsTheFirmware() throws Exception {
        HttpResponse<String> anon = VULN.get("/ISAPI/System/deviceInfo");
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(anon.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Digest realm=\"DS-2CD2032-I\"").contains("qop=\"auth\"");
        assertThat(anon.body()).contains("Document Error: Unauthorized").doesNotContain("<firmwareVersion>");

        HttpResponse<String> wrong = VULN.digest("GET", "/ISAPI/System/deviceInfo", null, "admin", "123456");
        assertThat(wrong.statusCode()).isEqualTo(401);

        SimDevice d = lab.device("hik-vuln");
        HttpResponse<String> ok = VULN.digest("GET", "/ISAPI/System/deviceInfo", null, "admin", "12345");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        assertThat(ok.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n")
                .contains("<DeviceInfo version=\"1.0\" xmlns=\"http://www.hikvision.com/ver10/XMLSchema\">",
                        "<model>DS-2CD2032-I</model>", "<serialNumber>" + d.serial() + "</serialNumber>",
                        "<macAddress>" + d.mac() + "</macAddress>", "<firmwareVersion>V5.4.0</firmwareVersion>",
                        "<firmwareReleasedDate>build 160530</firmwareReleasedDate>", "<deviceType>IPCamera</deviceType>")
                .doesNotContain("${");
    }

    @Test
    void cve20177921BypassAnswersOnlyOnVulnerableFirmware() throws Exception {
        for (String uri : new String[] {"/System/deviceInfo" + BYPASS, "/system/deviceInfo" + BYPASS}) {
            HttpResponse<String> vuln = VULN.get(uri);
            assertThat(vuln.statusCode()).as(uri).isEqualTo(200);
            assertThat(vuln.headers().firstValue("Content-Type")).get().asString().contains("application/xml");
            assertThat(vuln.body()).contains("<firmwareVersion>V5.4.0</firmwareVersion>");

            HttpResponse<String> patched = PATCHED.get(uri);
            assertThat(patched.statusCode()).as(uri).isEqualTo(401);
            assertThat(patched.body()).doesNotContain("<firmwareVersion>");
        }
        HttpResponse<String> users = VULN.get("/Security/users" + BYPASS);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("<UserList version=\"1.0\"", "<userName>admin</userName>").doesNotContain("12345");
        assertThat(PATCHED.get("/Security/users" + BYPASS).statusCode()).isEqualTo(401);
        // Without the magic parameter even the vulnerable camera asks for credentials.
        assertThat(VULN.get("/System/deviceInfo").statusCode()).isEqualTo(401);
        // The patched camera still answers its owner.
        HttpResponse<String> owner = PATCHED.digest("GET", "/System/deviceInfo" + BYPASS, null, "admin", VendorWebClient.webPassword(lab, "hik-patched"));
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.body()).contains("<firmwareVersion>V5.4.5</firmwareVersion>", "build 170124");
    }

    @Test
    void userChecksAnswerInHikvisionsXml() throws Exception {
        HttpResponse<String> isapiOk = VULN.digest("GET", "/ISAPI/Security/userCheck", null, "admin", "12345");
        assertThat(isapiOk.statusCode()).isEqualTo(200);
        assertThat(isapiOk.body()).contains("<statusValue>200</statusValue>", "<statusString>OK</statusString>");
        HttpResponse<String> isapiBad = VULN.digest("GET", "/ISAPI/Security/userCheck", null, "admin", "nope");
        assertThat(isapiBad.statusCode()).isEqualTo(401);
        assertThat(isapiBad.body()).contains("<statusValue>401</statusValue>", "<lockStatus>unlock</lockStatus>");

        HttpResponse<String> psiaOk = VULN.basic("/PSIA/Custom/SelfExt/userCheck", "admin", "12345");
        assertThat(psiaOk.statusCode()).isEqualTo(200);
        assertThat(psiaOk.body()).contains("<statusValue>200</statusValue>");
        HttpResponse<String> psiaBad = VULN.basic("/PSIA/Custom/SelfExt/userCheck", "admin", "admin");
        assertThat(psiaBad.statusCode()).isEqualTo(401);
        assertThat(psiaBad.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"DS-2CD2032-I\"");
        assertThat(psiaBad.body()).contains("<statusValue>401</statusValue>");
    }

    @Test
    void snapshotIsOpenOnlyWhereUnauthSnapshotIsPlanted() throws Exception {
        String uri = "/ISAPI/Streaming/channels/101/picture";
        HttpResponse<byte[]> open = VULN.send("GET", uri, null, null, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(open.body()).startsWith(0xFF, 0xD8);
        assertThat(ImageIO.read(new ByteArrayInputStream(open.body()))).isNotNull();

        assertThat(PATCHED.get(uri).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> owner = PATCHED.digest("GET", uri, null, "admin", VendorWebClient.webPassword(lab, "hik-patched"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.body()).startsWith(0xFF, 0xD8);
    }

    @Test
    void lockOutRefusesEvenTheRightPasswordWithHikvisionsLockedAnswer() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(LOCK.basic("/PSIA/Custom/SelfExt/userCheck", "admin", "wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> basic = LOCK.basic("/PSIA/Custom/SelfExt/userCheck", "admin", "12345");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.body()).contains("<statusValue>401</statusValue>", "<lockStatus>lock</lockStatus>");

        HttpResponse<String> digest = LOCK.digest("GET", "/ISAPI/System/deviceInfo", null, "admin", "12345");
        assertThat(digest.statusCode()).isEqualTo(401);
        assertThat(digest.body()).contains("<lockStatus>lock</lockStatus>").doesNotContain("<firmwareVersion>");
    }
}
