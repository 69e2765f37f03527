package dev.warden.lab.proto.http;

import static dev.warden.lab.proto.http.HttpLabSupport.device;
import static dev.warden.lab.proto.http.HttpLabSupport.get;
import static dev.warden.lab.proto.http.HttpLabSupport.start;
import static dev.warden.lab.proto.http.HttpLabSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router-web route set: Basic realm naming the product, admin/admin, firmware on the status page. */
class RouterWebTest {
    private static final String VULN = "http://127.77.240.40";
    private static final String PATCHED = "http://127.77.240.41";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.US_ASCII));
    private static Lab lab;

    @BeforeAll
    static void up() {
        lab = start(device("r1", "test-http-router", "127.77.240.40", null),
                device("r2", "test-http-router", "127.77.240.41", "3.15.3 Build 180114 Rel.39265n"));
    }

    @AfterAll
    static void down() {
        lab.close();
    }

    @Test
    void realmNamesTheRouter() {
        HttpResponse<byte[]> r = get(PATCHED + "/");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .contains("Basic realm=\"TP-Link Wireless Router Archer C7\"");
        assertThat(text(r)).contains("401 Unauthorized");
    }

    @Test
    void factoryAdminAdminOpensTheStatusPageOnlyOnOldFirmware() {
        HttpResponse<byte[]> home = get(VULN + "/", "Authorization", ADMIN);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(text(home)).contains("<TITLE>TP-Link Archer C7</TITLE>");
        assertThat(text(get(VULN + "/userRpm/StatusRpm.htm", "Authorization", ADMIN)))
                .contains("\"3.15.1 Build 160616 Rel.44182n\"", "\"Archer C7 v2 00000000\"", "\"203.0.113.7\"");
        assertThat(get(PATCHED + "/userRpm/StatusRpm.htm", "Authorization", ADMIN).statusCode()).isEqualTo(401);
    }
}
