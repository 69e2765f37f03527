package dev.warden.lab.proto.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.device.SimDevice;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The axis-web route set: a hardened camera where only the VAPIX fingerprint call answers without credentials. */
class AxisWebTest {
    private static final String UNRESTRICTED =
            "{\"apiVersion\":\"1.0\",\"context\":\"warden\",\"method\":\"getAllUnrestrictedProperties\"}";
    private static Lab lab;
    private static final VendorWebClient AXIS = new VendorWebClient("127.77.244.31");
    private static final VendorWebClient LOCK = new VendorWebClient("127.77.244.32");

    @BeforeAll
    static void start() {
        lab = VendorWebClient.startLab(
                new String[] {"axis", "test-vendors-axis", "127.77.244.31", null},
                new String[] {"axis-lock", "test-vendors-axis", "127.77.244.32", null});
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static String realm(String device) {
        return "AXIS_" + lab.device(device).mac().replace(":", "");
    }

    @Test
    void rootRedirectsToTheViewerWhichAsksForDigest() throws Exception {
        HttpResponse<String> root = AXIS.get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/view/viewer_index.shtml");

        HttpResponse<String> viewer = AXIS.get("/view/viewer_index.shtml");
        assertThat(viewer.statusCode()).isEqualTo(401);
        assertThat(viewer.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Digest realm=\"" + realm("axis") + "\"").matches("Digest realm=\"AXIS_ACCC8E[0-9A-F]{6}\".*");
        assertThat(viewer.body()).contains("<title>401 Unauthorized</title>");

        HttpResponse<String> owner = AXIS.digest("GET", "/view/viewer_index.shtml", null, "root", VendorWebClient.webPassword(lab, "axis"));
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.body()).contains("<title>Live view  - AXIS M3045-V Network Camera</title>");
    }

    @Test
    void nothingAnswersWithoutCredentialsButTheFingerprintCall() throws Exception {
        String[] paths = {"/view/viewer_index.shtml", "/axis-cgi/param.cgi?action=list&group=Properties",
            "/axis-cgi/jpg/image.cgi", "/axis-cgi/mjpg/video.cgi", "/axis-cgi/basicdeviceinfo.cgi",
            "/axis-cgi/admin/param.cgi?action=list", "/operator/basic.shtml", "/admin/admin.shtml"};
        for (String p : paths) {
            HttpResponse<String> r = AXIS.get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(p).get().asString().contains(realm("axis"));
        }
        HttpResponse<String> all = AXIS.post("/axis-cgi/basicdeviceinfo.cgi",
                "{\"apiVersion\":\"1.0\",\"method\":\"getAllProperties\"}");
        assertThat(all.statusCode()).isEqualTo(401);

        SimDevice d = lab.device("axis");
        HttpResponse<String> open = AXIS.post("/axis-cgi/basicdeviceinfo.cgi", UNRESTRICTED);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode props = JsonMapper.shared().readTree(open.body()).get("data").get("propertyList");
        assertThat(props.get("Brand").asString()).isEqualTo("AXIS");
        assertThat(props.get("ProdNbr").asString()).isEqualTo("M3045-V");
        assertThat(props.get("ProdFullName").asString()).isEqualTo("AXIS M3045-V Network Camera");
        assertThat(props.get("Version").asString()).isEqualTo("10.12.153");
        assertThat(props.get("SerialNumber").asString()).isEqualTo(d.mac().replace(":", ""));
        assertThat(props.has("Soc")).as("restricted properties stay behind the login").isFalse();
    }

    @Test
    void theFactoryPasswordDoesNotWorkButTheOwnersDoes() throws Exception {
        String uri = "/axis-cgi/param.cgi?action=list&group=Properties";
        assertThat(AXIS.digest("GET", uri, null, "root", "pass").statusCode()).isEqualTo(401);
        HttpResponse<String> owner = AXIS.digest("GET", uri, null, "root", VendorWebClient.webPassword(lab, "axis"));
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.body()).contains("root.Properties.Firmware.Version=10.12.153",
                "root.Properties.System.SerialNumber=" + lab.device("axis").mac().replace(":", ""));

        HttpResponse<byte[]> shot = AXIS.digest("GET", "/axis-cgi/jpg/image.cgi", null, "root", VendorWebClient.webPassword(lab, "axis"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shot.statusCode()).isEqualTo(200);
        assertThat(shot.body()).startsWith(0xFF, 0xD8);
        // An unknown CGI still checks credentials first, then is not found.
        assertThat(AXIS.digest("GET", "/axis-cgi/nothing.cgi", null, "root", VendorWebClient.webPassword(lab, "axis")).statusCode()).isEqualTo(404);
    }

    @Test
    void lockOutAnswers403EvenToTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(LOCK.digest("GET", "/axis-cgi/jpg/image.cgi", null, "root", "root" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = LOCK.digest("GET", "/axis-cgi/jpg/image.cgi", null, "root", VendorWebClient.webPassword(lab, "axis-lock"));
        assertThat(locked.statusCode()).isEqualTo(403);
        assertThat(locked.body()).contains("<title>403 Forbidden</title>");
    }
}
