package dev.warden.assess.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {
    private static final Response OK = new Response(200, List.of("Content-Type: text/xml", "Server: lab"),
            "<CGI_Result><result>0</result><firmwareVer>2.11.1.118</firmwareVer></CGI_Result>".getBytes(StandardCharsets.UTF_8),
            Map.of());

    private static Check check(String matchers, String condition) {
        return CheckLoader.parse("checks/http/t/t.yaml", ("""
                id: t
                info: {title: T, severity: low, remediation: R}
                tier: read
                protocol: http
                applies-to: {}
                steps: [{path: /}]
                """ + (condition == null ? "" : "matchers-condition: " + condition + "\n") + "matchers:\n" + matchers
                + "extractors:\n  - {name: firmware, regex: '<firmwareVer>([^<]+)</firmwareVer>'}\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachMatcherTypeDecides() {
        assertThat(check("  - {type: status, status: [200]}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: status, status: [401, 403]}\n", null).matches(OK)).isFalse();
        assertThat(check("  - {type: word, words: ['<RESULT>0'], case-insensitive: true}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: word, words: ['<RESULT>0']}\n", null).matches(OK)).isFalse();
        assertThat(check("  - {type: word, words: ['<result>0', 'nope'], condition: and}\n", null).matches(OK)).isFalse();
        assertThat(check("  - {type: word, words: ['<result>0', 'nope']}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: regex, regex: ['firmwareVer>2\\.\\d+']}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: header, name: content-type, words: [xml]}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: header, name: X-Missing, words: [xml]}\n", null).matches(OK)).isFalse();
        assertThat(check("  - {type: binary, binary: ['3c4347']}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: word, part: header, words: ['Server: lab']}\n", null).matches(OK)).isTrue();
        assertThat(check("  - {type: word, words: ['failed'], negative: true}\n", null).matches(OK)).isTrue();
    }

    @Test
    void matchersCombineWithAndByDefault() {
        String both = "  - {type: status, status: [200]}\n  - {type: word, words: [nope]}\n";
        assertThat(check(both, null).matches(OK)).isFalse();
        assertThat(check(both, "or").matches(OK)).isTrue();
        assertThat(check(both, "or").describeMatch(OK)).isEqualTo("status [200]");
    }

    @Test
    void extractorsPullFactsAndEvidenceNeverCarriesThem() {
        Check c = check("  - {type: word, words: ['<result>0</result>']}\n", null);
        assertThat(c.extractors().get(0).extract(OK)).contains("2.11.1.118");
        assertThat(c.describeMatch(OK)).isEqualTo("word '<result>0</result>' in body").doesNotContain("2.11.1.118");
    }

    @Test
    void templatesRedactForEvidence() {
        Map<String, String> vars = Map.of("user", "admin", "password", "", "ip", "127.77.213.1", "profile", "tok");
        String path = "/cgi?usr={{user}}&pwd={{password}}&t={{profile}}";
        assertThat(Template.render(path, vars, true)).isEqualTo("/cgi?usr=admin&pwd=&t=tok");
        assertThat(Template.redacted(path, vars)).isEqualTo("/cgi?usr=admin&pwd=(blank)&t={{profile}}");
        assertThat(Template.redacted("pwd={{password}}", Map.of("password", "xc3511"))).isEqualTo("pwd=****");
        assertThat(Template.render("p={{password}}", Map.of("password", "a&b c"), true)).isEqualTo("p=a%26b%20c");
        assertThat(new Credential("root", "xc3511").toString()).isEqualTo("root/****");
        assertThat(new Credential("admin", "").toString()).isEqualTo("admin/(blank)");
    }
}
