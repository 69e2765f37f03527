package dev.warden.lab.proto.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import dev.warden.lab.device.SimDevice;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dahua-web route set against real lab cameras: old firmware with admin/admin, a patched one, one to lock out. */
class DahuaWebTest {
    private static final String MAGIC = "/cgi-bin/magicBox.cgi?action=";
    private static Lab lab;
    private static final VendorWebClient OLD = new VendorWebClient("127.77.244.21");
    private static final VendorWebClient PATCHED = new VendorWebClient("127.77.244.22");
    private static final VendorWebClient LOCK = new VendorWebClient("127.77.244.23");

    @BeforeAll
    static void start() {
        lab = VendorWebClient.startLab(
                new String[] {"dahua-old", "test-vendors-dahua", "127.77.244.21", "2.622.0000000.31.R"},
                new String[] {"dahua-patched", "test-vendors-dahua", "127.77.244.22", "2.800.0000016.0.R"},
                new String[] {"dahua-lock", "test-vendors-dahua", "127.77.244.23", null});
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** The lines of a magicBox answer as a map; fails unless every line is key=value ended by CRLF. */
    private static Map<String, String> keyValues(String body) {
        assertThat(body).endsWith("\r\n");
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : body.split("\r\n")) {
            int eq = line.indexOf('=');
            assertThat(eq).as(line).isPositive();
            out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static String magic(String action) throws Exception {
        HttpResponse<String> r = OLD.digest("GET", MAGIC + action, null, "admin", "admin");
        assertThat(r.statusCode()).as(action).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        return r.body();
    }

    @Test
    void loginPageIsTheWebServicePanel() throws Exception {
        HttpResponse<String> r = OLD.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>WEB SERVICE</title>");
    }

    @Test
    void magicBoxNeedsDigestInTheSerialRealm() throws Exception {
        SimDevice d = lab.device("dahua-old");
        HttpResponse<String> anon = OLD.get(MAGIC + "getDeviceType");
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(anon.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Digest realm=\"Login to " + d.serial() + "\"");
        assertThat(anon.body()).isEqualTo("Error\r\nNo Authority\r\n");

        HttpResponse<String> wrong = OLD.digest("GET", MAGIC + "getDeviceType", null, "admin", "888888");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("type=");
    }

    @Test
    void magicBoxAnswersKeyValueLines() throws Exception {
        SimDevice d = lab.device("dahua-old");
        assertThat(keyValues(magic("getDeviceType"))).containsExactly(Map.entry("type", "IPC-HDW4431C-A"));
        assertThat(keyValues(magic("getSoftwareVersion")))
                .containsExactly(Map.entry("version", "2.622.0000000.31.R,build:2017-12-11"));
        assertThat(keyValues(magic("getHardwareVersion"))).containsExactly(Map.entry("version", "1.00"));
        assertThat(keyValues(magic("getSerialNo"))).containsExactly(Map.entry("sn", d.serial()));
        assertThat(keyValues(magic("getSystemInfo"))).containsEntry("serialNumber", d.serial())
                .containsEntry("deviceType", "IPC-HDW4431C-A").containsEntry("hardwareVersion", "1.00");

        HttpResponse<String> unknown = OLD.digest("GET", MAGIC + "reboot", null, "admin", "admin");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("Error\r\nBad Request!\r\n");
    }

    @Test
    void snapshotIsOpenOnlyWhereUnauthSnapshotIsPlanted() throws Exception {
        HttpResponse<byte[]> open = OLD.send("GET", "/cgi-bin/snapshot.cgi", null, null, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).startsWith(0xFF, 0xD8);

        assertThat(PATCHED.get("/cgi-bin/snapshot.cgi").statusCode()).isEqualTo(401);
        assertThat(PATCHED.digest("GET", "/cgi-bin/snapshot.cgi", null, "admin", "admin").statusCode()).isEqualTo(401);
        String owner = VendorWebClient.webPassword(lab, "dahua-patched");
        HttpResponse<byte[]> shot = PATCHED.digest("GET", "/cgi-bin/snapshot.cgi", null, "admin", owner,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(shot.statusCode()).isEqualTo(200);
        assertThat(shot.body()).startsWith(0xFF, 0xD8);
    }

    @Test
    void rpcLoginChallengesAndNeverGrantsTheBypassLogin() throws Exception {
        SimDevice d = lab.device("dahua-old");
        HttpResponse<String> first = OLD.post("/RPC2_Login",
                "{\"method\":\"global.login\",\"params\":{\"userName\":\"admin\",\"password\":\"\",\"clientType\":\"Web3.0\",\"loginType\":\"Direct\"},\"id\":1}");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode j = JsonMapper.shared().readTree(first.body());
        assertThat(j.get("result").asBoolean()).isFalse();
        assertThat(j.get("error").get("code").asLong()).isEqualTo(268632079L);
        assertThat(j.get("params").get("realm").asString()).isEqualTo("Login to " + d.serial());
        assertThat(j.get("params").get("encryption").asString()).isEqualTo("Default");
        assertThat(j.get("params").get("random").asString()).matches("[0-9]+");

        // CVE-2021-33044's second step (nuclei's probe): refused, no session handed out.
        HttpResponse<String> bypass = OLD.post("/RPC2_Login",
                "{\"id\": 1, \"method\": \"global.login\", \"params\": {\"authorityType\": \"Default\", \"clientType\": \"NetKeyboard\", "
                        + "\"loginType\": \"Direct\", \"password\": \"Not Used\", \"passwordType\": \"Default\", \"userName\": \"admin\"}, \"session\": 0}");
        assertThat(bypass.body()).doesNotContain("\"result\":true");
        assertThat(JsonMapper.shared().readTree(bypass.body()).get("error").get("code").asLong()).isEqualTo(268632085L);
    }

    @Test
    void lockOutRefusesEvenTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(LOCK.digest("GET", MAGIC + "getDeviceType", null, "admin", "wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = LOCK.digest("GET", MAGIC + "getDeviceType", null, "admin", "admin");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo("Error\r\nNo Authority\r\n");
        // The unlocked camera next door still takes the same password.
        assertThat(magic("getDeviceType")).isEqualTo("type=IPC-HDW4431C-A\r\n");
    }
}
