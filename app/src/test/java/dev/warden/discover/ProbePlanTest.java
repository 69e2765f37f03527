package dev.warden.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProbePlanTest {
    private static ProbePlan parse(String yaml) {
        return ProbePlan.parse("bad.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedPlanHasTheIotPortsAndVendorPages() {
        ProbePlan plan = ProbePlan.load();
        assertThat(plan.tcpPorts().keySet()).contains(21, 22, 23, 80, 81, 88, 443, 554, 888, 2323, 5000, 8000, 8080,
                8081, 8443, 8554, 8888, 8899, 9000, 9527, 9530, 10000, 10001, 34567, 37777, 50021);
        assertThat(plan.protocol(443)).isEqualTo(PortProtocol.HTTPS);
        assertThat(plan.protocol(12345)).isEqualTo(PortProtocol.AUTO);
        assertThat(plan.httpPaths()).extracting(p -> p.path()).contains("/lg/ENU.xml", "/doc/page/login.asp",
                "/Login.htm", "/get_status.cgi");
    }

    @Test
    void badFilesNameTheFileAndField() {
        assertThatThrownBy(() -> parse("tcp-ports: {80: gopher}")).hasMessage(
                "bad.yaml: tcp-ports.80: protocol must be one of [ftp, ssh, telnet, http, https, rtsp, banner, auto]");
        assertThatThrownBy(() -> parse("tcp-ports: {70000: http}")).hasMessageContaining("bad.yaml: tcp-ports.70000");
        assertThatThrownBy(() -> parse("tcp-ports: {80: http}\nhttp-paths: [{path: x}]"))
                .hasMessageContaining("bad.yaml: http-paths[0].path");
        assertThatThrownBy(() -> parse("tcp-ports: {80: http}\nhttp-paths: [{path: /x, when: {http.server: '(('}}]"))
                .hasMessageContaining("bad.yaml: http-paths[0].when.http.server: bad regular expression");
        assertThatThrownBy(() -> parse("tcp-ports: {80: http}\nhttp-paths: [{path: /x, port: [80]}]"))
                .hasMessageContaining("bad.yaml: http-paths[0].port: unknown field");
        assertThatThrownBy(() -> parse("udp-ports: {}")).hasMessageContaining("bad.yaml: udp-ports: unknown field");
        assertThatThrownBy(() -> parse("tcp-ports: [")).hasMessageContaining("bad.yaml: not valid YAML");
    }
}
