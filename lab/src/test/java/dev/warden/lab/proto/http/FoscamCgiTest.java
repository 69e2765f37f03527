package dev.warden.lab.proto.http;

import static dev.warden.lab.proto.http.HttpLabSupport.device;
import static dev.warden.lab.proto.http.HttpLabSupport.get;
import static dev.warden.lab.proto.http.HttpLabSupport.start;
import static dev.warden.lab.proto.http.HttpLabSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The foscam-cgi route set against a vulnerable and a patched Foscam HD camera. */
class FoscamCgiTest {
    private static final String VULN = "http://127.77.240.10:88";
    private static final String PATCHED = "http://127.77.240.11:88";
    private static Lab lab;

    @BeforeAll
    static void up() {
        lab = start(device("fos1", "test-http-foscam", "127.77.240.10", null),
                device("fos2", "test-http-foscam", "127.77.240.11", "patched"));
    }

    @AfterAll
    static void down() {
        lab.close();
    }

    @Test
    void loginPageAndLanguageFileNeedNoCredentialsAndCarryNoServerHeader() {
        HttpResponse<byte[]> page = get(VULN + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("<title>IPCam Client</title>");
        assertThat(page.headers().firstValue("Server")).isEmpty();
        HttpResponse<byte[]> lang = get(PATCHED + "/lg/ENU.xml");
        assertThat(text(lang)).contains("\"IDS_DEV_NAME\">Camera Model</string>", "\"IDS_HEARD_LIVE\">Live Video</string>");
        assertThat(lang.headers().firstValue("Content-Type")).contains("text/xml");
    }

    @Test
    void blankAdminPasswordRevealsModelAndFirmware() {
        String body = text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo&usr=admin&pwd="));
        assertThat(body).startsWith("<CGI_Result>\n    <result>0</result>\n    <productName>FI9821W V2</productName>")
                .contains("<firmwareVer>1.11.1.8</firmwareVer>", "<hardwareVer>2.11.1.120</hardwareVer>",
                        "<devName>fos1</devName>")
                .doesNotContain("${");
    }

    @Test
    void patchedCameraRefusesTheFactoryPasswordsWithMinusTwo() {
        assertThat(text(get(PATCHED + "/cgi-bin/CGIProxy.fcgi?cmd=getDevState&usr=admin&pwd=")))
                .contains("<result>-2</result>");
        assertThat(text(get(PATCHED + "/cgi-bin/CGIProxy.fcgi?cmd=getDevState&usr=factory~&pwd=Ak47@99")))
                .contains("<result>-2</result>");
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=getDevState&usr=factory~&pwd=Ak47@99")))
                .contains("<result>0</result>", "<upnpState>");
    }

    @Test
    void unknownCommandAndMissingCommandGetTheirResultCodes() {
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=setTelnetSwitch&usr=admin&pwd=")))
                .isEqualTo("<CGI_Result>\n    <result>-3</result>\n</CGI_Result>\n");
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?usr=admin&pwd="))).contains("<result>-1</result>");
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=getPortInfo&usr=admin&pwd=")))
                .contains("<webPort>88</webPort>", "<onvifPort>888</onvifPort>");
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=logIn&usrName=admin&pwd=")))
                .contains("<logInResult>0</logInResult>");
    }

    @Test
    void snapshotIsAValidJpegOnlyWithCredentials() throws IOException {
        HttpResponse<byte[]> snap = get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=snapPicture2&usr=admin&pwd=");
        assertThat(snap.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(snap.body()[0]).isEqualTo((byte) 0xFF);
        assertThat(snap.body()[1]).isEqualTo((byte) 0xD8);
        var img = ImageIO.read(new ByteArrayInputStream(snap.body()));
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(240);
        assertThat(text(get(VULN + "/cgi-bin/CGIProxy.fcgi?cmd=snapPicture2&usr=admin&pwd=wrong")))
                .contains("<result>-2</result>");
    }

    @Test
    void httpsServesTheSameApp() {
        HttpResponse<byte[]> r = get("https://127.77.240.11:443/lg/ENU.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("IDS_DEV_NAME");
    }
}
