package dev.warden.lab.proto.http;

import static dev.warden.lab.proto.http.HttpLabSupport.device;
import static dev.warden.lab.proto.http.HttpLabSupport.get;
import static dev.warden.lab.proto.http.HttpLabSupport.raw;
import static dev.warden.lab.proto.http.HttpLabSupport.start;
import static dev.warden.lab.proto.http.HttpLabSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The netwave-web route set: the Server banner, get_status.cgi leak (CVE-2018-11653), snapshots and the stream. */
class NetwaveWebTest {
    private static final String VULN = "http://127.77.240.20";
    private static final String PATCHED = "http://127.77.240.21";
    private static Lab lab;

    @BeforeAll
    static void up() {
        lab = start(device("nw1", "test-http-netwave", "127.77.240.20", null),
                device("nw2", "test-http-netwave", "127.77.240.21", "21.37.2.49"));
    }

    @AfterAll
    static void down() {
        lab.close();
    }

    @Test
    void rootAsksForBasicWithTheIndexRealmAndNamesTheServer() {
        HttpResponse<byte[]> r = get(PATCHED + "/");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"index.html\"");
        assertThat(r.headers().firstValue("Server")).contains("Netwave IP Camera");
    }

    @Test
    void statusLeaksWithoutCredentialsOnlyWherePlanted() {
        HttpResponse<byte[]> leak = get(VULN + "/get_status.cgi");
        assertThat(leak.statusCode()).isEqualTo(200);
        assertThat(text(leak)).contains("var sys_ver='21.37.2.47';", "var app_ver='2.0.10.19';", "var alias='nw1';",
                "var ddns_host='';").containsPattern("var id='00606E[0-9A-F]{6}';").containsPattern("var now=\\d+;");
        assertThat(get(PATCHED + "/get_status.cgi").statusCode()).isEqualTo(401);
    }

    @Test
    void snapshotWithoutCredentialsOnlyWherePlanted() {
        HttpResponse<byte[]> open = get(VULN + "/snapshot.cgi");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).startsWith(0xFF, 0xD8);
        assertThat(get(PATCHED + "/snapshot.cgi").statusCode()).isEqualTo(401);
        assertThat(get(PATCHED + "/snapshot.cgi?user=admin&pwd=").statusCode())
                .as("the owner set a password").isEqualTo(401);
    }

    @Test
    void blankAdminOpensCheckUserAndTheStream() {
        assertThat(text(get(VULN + "/check_user.cgi?user=admin&pwd="))).contains("var user='admin';");
        assertThat(get(VULN + "/videostream.cgi").statusCode()).isEqualTo(401);
        String stream = raw("127.77.240.20", 80, "GET /videostream.cgi?user=admin&pwd= HTTP/1.1\r\nHost: cam\r\n\r\n");
        assertThat(stream).startsWith("HTTP/1.1 200 OK").contains("--ipcamera\r\nContent-Type: image/jpeg");
    }
}
