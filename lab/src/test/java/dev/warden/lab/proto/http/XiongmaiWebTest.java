package dev.warden.lab.proto.http;

import static dev.warden.lab.proto.http.HttpLabSupport.device;
import static dev.warden.lab.proto.http.HttpLabSupport.get;
import static dev.warden.lab.proto.http.HttpLabSupport.post;
import static dev.warden.lab.proto.http.HttpLabSupport.start;
import static dev.warden.lab.proto.http.HttpLabSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.Lab;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The xiongmai-web route set: NETSurveillance login page and the Login.htm form the Greenbone check posts. */
class XiongmaiWebTest {
    private static final String VULN = "http://127.77.240.30";
    private static final String PATCHED = "http://127.77.240.31";
    private static final String LOGIN = "command=login&username=admin&password=";
    private static Lab lab;

    @BeforeAll
    static void up() {
        lab = start(device("xm1", "test-http-xiongmai", "127.77.240.30", null),
                device("xm2", "test-http-xiongmai", "127.77.240.31", "patched"));
    }

    @AfterAll
    static void down() {
        lab.close();
    }

    @Test
    void loginPageNamesTheProductAndTheServer() {
        HttpResponse<byte[]> r = get(PATCHED + "/Login.htm");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("<title>NETSurveillance WEB</title>", "name=\"username\"");
        assertThat(r.headers().firstValue("Server")).contains("uc-httpd 1.0.0");
        assertThat(text(get(PATCHED + "/"))).contains("<title>NETSurveillance WEB</title>");
    }

    @Test
    void blankAdminLoginRevealsTheFirmware() {
        HttpResponse<byte[]> r = post(VULN + "/Login.htm", LOGIN, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(text(r)).contains("var g_SoftWareVersion=\"V4.02.R11.34500140.12001.131600.00000\";")
                .doesNotContain("Log in failed!");
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("NetSuveillanceWebCookie="));
    }

    @Test
    void patchedDeviceSaysLogInFailed() {
        String body = text(post(PATCHED + "/Login.htm", LOGIN, "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(body).contains("failedinfo=\"Log in failed!\"").doesNotContain("g_SoftWareVersion");
    }
}
