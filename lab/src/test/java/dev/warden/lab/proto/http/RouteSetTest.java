package dev.warden.lab.proto.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Compiling route sets and checking http service options: mistakes are caught at load, naming file and route. */
class RouteSetTest {
    private static final Set<String> WEAK = Set.of("unauth-snapshot");

    private static RouteSet compile(String yaml) {
        return RouteSet.compile("lab/http/t.yaml", yaml.getBytes(StandardCharsets.UTF_8), WEAK);
    }

    @Test
    void builtInRouteSetsAllCompile() {
        assertThat(HttpApps.all()).containsKeys("foscam-cgi", "netwave-web", "xiongmai-web", "router-web");
    }

    @Test
    void anchorsAndSingleValuesCompile() {
        RouteSet s = compile("""
                id: t
                routes:
                  - {path: /a, method: POST, response: &ok {body: ok}}
                  - {path: [/b, /c], response: *ok}
                """);
        assertThat(s.name()).isEqualTo("t");
    }

    @Test
    void mistakesNameTheFileAndTheRoute() {
        assertThatThrownBy(() -> compile("id: other\nroutes: [{path: /, response: {}}]\n"))
                .isInstanceOf(LabException.class).hasMessageContaining("must equal the file name 't'");
        assertThatThrownBy(() -> compile("id: t\nroutes:\n  - {path: /ok, response: {}}\n  - {response: {}}\n"))
                .hasMessageContaining("lab/http/t.yaml route 2").hasMessageContaining("either path or path-prefix");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, weakness: made-up, response: {}}]\n"))
                .hasMessageContaining("route 1 (/x)").hasMessageContaining("unknown weakness 'made-up'");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, auth: {scheme: kerberos}, response: {}}]\n"))
                .hasMessageContaining("auth scheme must be");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, auth: {scheme: digest}, response: {}}]\n"))
                .hasMessageContaining("needs a realm");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, auth: {scheme: query}, response: {}}]\n"))
                .hasMessageContaining("user-param and password-param");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, response: {body-kind: gif}}]\n"))
                .hasMessageContaining("body-kind must be");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, method: FETCH, response: {}}]\n"))
                .hasMessageContaining("unknown method FETCH");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, respons: {}}]\n"))
                .hasMessageContaining("lab/http/t.yaml").hasMessageContaining("respons");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x}]\n")).hasMessageContaining("response is required");
        assertThatThrownBy(() -> compile("id: t\nroutes: [{path: /x, response: *nowhere}]\n"))
                .isInstanceOf(LabException.class).hasMessageContaining("lab/http/t.yaml");
    }

    @Test
    void serviceOptionsAreChecked() {
        HttpServer http = new HttpServer();
        http.validate("p", spec(Map.of("apps", List.of("foscam-cgi"), "server", "x")));
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("apps", List.of("nosuch")))))
                .isInstanceOf(LabException.class).hasMessageContaining("profile p port 80: unknown web app 'nosuch'")
                .hasMessageContaining("foscam-cgi");
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("server", "x"))))
                .hasMessageContaining("'apps' must be a non-empty list");
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("apps", List.of("foscam-cgi"), "realm", "x"))))
                .hasMessageContaining("unknown http option 'realm'");
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("apps", List.of("foscam-cgi"), "not-found", "gone"))))
                .hasMessageContaining("'not-found' must be a response object");
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("apps", List.of("foscam-cgi"),
                "not-found", Map.of("status", 999))))).hasMessageContaining("bad status 999");
        assertThatThrownBy(() -> http.validate("p", spec(Map.of("apps", List.of("foscam-cgi"), "idle-seconds", "0"))))
                .hasMessageContaining("idle-seconds");
    }

    private static ServiceSpec spec(Map<String, Object> options) {
        return new ServiceSpec(80, "http", false, null, options);
    }
}
