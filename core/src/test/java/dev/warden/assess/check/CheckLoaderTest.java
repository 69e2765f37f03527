package dev.warden.assess.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckLoaderTest {
    private static final String GOOD = """
            id: x-check
            info: {title: T, severity: high, remediation: R, cvss: {vector: "CVSS:3.1/AV:N", score: 7.5}, cve: [CVE-2018-1234]}
            tier: login
            protocol: http
            applies-to: {vendors: [Acme], service: {ports: [88]}}
            credentials: [{user: admin, password: ""}]
            steps:
              - path: /cgi?usr={{user}}&pwd={{password}}
            matchers:
              - {type: word, words: ["<result>0</result>"]}
            extractors:
              - {name: firmware, regex: "<fw>([^<]+)</fw>"}
            """;

    private static Check parse(String yaml) {
        return CheckLoader.parse("checks/http/acme/x-check.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyShippedCheckLoads() {
        CheckCatalog catalog = CheckLoader.load();
        assertThat(catalog.checks()).extracting(Check::id).contains("foscam-default-credentials",
                "hikvision-cve-2021-36260", "xiongmai-telnet-hardcoded-root", "onvif-streamuri-credential-leak");
        assertThat(catalog.credentialLists()).containsKey("mirai");
    }

    @Test
    void aGoodFileBecomesACheck() {
        Check c = parse(GOOD);
        assertThat(c.tier()).isEqualTo(Tier.LOGIN);
        assertThat(c.protocol()).isEqualTo(Protocol.HTTP);
        assertThat(c.steps().get(0).method()).isEqualTo("GET");
        assertThat(c.steps().get(0).carriesCredentials()).isTrue();
        assertThat(c.info().cvssScore()).isEqualTo(7.5);
        assertThat(c.extractors().get(0).fact()).isTrue();
        assertThat(c.matchersAnd()).isTrue();
    }

    @Test
    void errorsNameTheFileAndTheField() {
        assertError(GOOD.replace("type: word", "type: wrod"), "x-check.yaml: matchers[0].type: unknown matcher type 'wrod'");
        assertError(GOOD.replace("id: x-check", "id: other"), "x-check.yaml: id: 'other' must equal the file name 'x-check'");
        assertError(GOOD.replace("severity: high", "severity: dire"), "x-check.yaml: info.severity: unknown severity 'dire'");
        assertError(GOOD.replace("tier: login", "tier: read"), "x-check.yaml: tier: a check with credentials is tier login or intrusive");
        assertError(GOOD.replace("regex: \"<fw>", "regex: \"(<fw>"), "x-check.yaml: extractors[0].regex: bad regex");
        assertError(GOOD.replace("ports: [88]", "ports: [88], colour: red"), "x-check.yaml: applies-to.service.colour: unknown field");
        assertError(GOOD.replace("- path:", "- method: DELETE\n    path:"), "x-check.yaml: steps[0].method: checks are read-only");
        assertError(GOOD.replace("pwd={{password}}", "pwd={{pass}}"), "x-check.yaml: steps[0]: placeholder {{pass}} is not defined");
        assertError(GOOD.replace("cve: [CVE-2018-1234]", "cve: [2018-1234]"), "x-check.yaml: info.cve[0]: expected CVE-YYYY-NNNN");
        assertError(GOOD.replace("protocol: http", "protocol: gopher"), "x-check.yaml: protocol: unknown protocol 'gopher'");
        assertError(GOOD.replace("{type: word, words", "{type: word, part: banner, words"), "x-check.yaml: matchers[0].part: unknown part 'banner' for http");
        assertError("id: [", "x-check.yaml:");
    }

    @Test
    void aFactOnlyCheckNeedsAVersionOrServiceCondition() {
        String factOnly = """
                id: x-check
                info: {title: T, severity: critical, remediation: R}
                tier: banner
                applies-to: {vendors: [Hikvision], firmware: [{from: "V5.4.0", before: "V5.5.800"}]}
                """;
        Check c = parse(factOnly);
        assertThat(c.factOnly()).isTrue();
        Device old = device("Hikvision", "V5.4.1 build 160525");
        assertThat(c.appliesTo().matches(old)).isTrue();
        assertThat(c.appliesTo().describeFirmware(old)).isEqualTo("firmware V5.4.1 build 160525 within >= V5.4.0, < V5.5.800");
        assertThat(c.appliesTo().matches(device("Hikvision", "V5.5.800 build 210628"))).isFalse();
        assertThat(c.appliesTo().matches(device("Hikvision", null))).as("unknown firmware is no finding").isFalse();
        assertError(factOnly.replace(", firmware: [{from: \"V5.4.0\", before: \"V5.5.800\"}]", ""),
                "x-check.yaml: applies-to.firmware: a check without steps is decided by facts alone");
    }

    @Test
    void credentialListsPickTheVendorsPairsByWeight() {
        CheckCatalog catalog = CheckLoader.load();
        Check telnet = catalog.check("xiongmai-telnet-hardcoded-root").orElseThrow();
        List<Credential> creds = catalog.credentialsFor(telnet, device("XiongMai", "V4"));
        assertThat(creds.get(0)).isEqualTo(new Credential("root", "xc3511"));
        assertThat(catalog.credentialsFor(telnet, device(null, null))).isEmpty();
    }

    @Test
    void aMissingCredentialListIsALoadError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("checks/telnet/x/x-check.yaml");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, """
                id: x-check
                info: {title: T, severity: high, remediation: R}
                tier: login
                protocol: telnet
                applies-to: {vendors: [X]}
                credential-list: nowhere
                steps: [{}]
                matchers: [{type: word, part: status, words: [shell]}]
                """);
        assertThatThrownBy(() -> CheckLoader.load(dir)).isInstanceOf(CheckFormatException.class)
                .hasMessage("checks/telnet/x/x-check.yaml: credential-list: no credentials/nowhere.yaml");
    }

    private static void assertError(String yaml, String messageStart) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(CheckFormatException.class)
                .hasMessageStartingWith("checks/http/acme/" + messageStart.substring(0));
    }

    static Device device(String vendor, String firmware) {
        return new Device("127.77.213.1", DeviceKind.CAMERA, vendor, "M", null, firmware, 1,
                List.of(new Service(88, Transport.TCP, "http", null, null)));
    }
}
