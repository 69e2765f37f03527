package dev.warden.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bundled file compiles; a bad file fails with a message naming the file and the rule or field. */
class FingerprintFilesTest {
    private static final Path CONTENT = Path.of("..", "content", "fingerprints");

    @Test
    void classPathAndFolderHoldTheSameFamilies() throws IOException {
        FingerprintEngine bundled = FingerprintEngine.load();
        try (Stream<Path> files = Files.list(CONTENT)) {
            assertThat(bundled.families()).containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList());
        }
        assertThat(FingerprintEngine.load(CONTENT).families()).isEqualTo(bundled.families());
    }

    @Test
    void theFamiliesWardenPromises() {
        assertThat(FingerprintEngine.load().families()).contains("foscam", "opticam", "hikvision", "dahua", "xiongmai",
                "netwave", "axis", "amcrest", "reolink", "tp-link", "d-link", "uniview", "hanwha", "mobotix", "ubiquiti",
                "tvt", "goahead-wificam");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad regex          | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {key: http.server, match: "(unclosed"}, score: 0.5}' | x.yaml rule r1: bad regex '(unclosed'
            unknown key        | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {key: http.sever}, score: 0.5}'                  | x.yaml rule r1: unknown evidence key 'http.sever'
            unknown field      | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrulez: []'                                                               | x.yaml at rulez: unknown field 'rulez'
            id not file name   | x.yaml | 'id: y\\nvendor: X\\nkind: camera\\nrules: []'                                                               | x.yaml: id 'y' must equal the file name 'x'
            score out of range | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {ports-open: [80]}, score: 1.5}'              | x.yaml rule r1: score must be given, within 0..1 (was 1.5)
            two forms          | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {key: banner, ports-open: [80]}, score: 0.5}' | x.yaml rule r1: a condition needs exactly one of key, ports-open, all-of, any-of (found 2)
            bad kind           | x.yaml | 'id: x\\nvendor: X\\nkind: toaster\\nrules: []'                                                              | x.yaml kind: unknown device kind 'toaster'
            bad rule kind      | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {ports-open: [80]}, score: 0.5, kind: toaster}' | x.yaml rule r1: unknown device kind 'toaster'
            duplicate rule     | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {ports-open: [80]}, score: 0.5}\\n  - {id: r1, when: {ports-open: [81]}, score: 0.5}' | x.yaml rule r1: duplicate rule id
            no rules           | x.yaml | 'id: x\\nvendor: X\\nkind: camera'                                                                          | x.yaml: 'rules' is required
            unknown platform   | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\noem-of: nobody'                                                         | x.yaml: oem-of 'nobody' must name a family file
            missing vendor     | x.yaml | 'id: x\\nkind: camera\\nrules: []'                                                                           | x.yaml: 'vendor' is required
            bad port           | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {key: banner, port: 70000}, score: 0.5}'       | x.yaml rule r1: port out of range: 70000
            bad decode         | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {ports-open: [80]}, score: 0.5}\\nextract:\\n  model: [{key: onvif.model, decode: base64}]' | x.yaml extract.model onvif.model: decode must be 'percent', not 'base64'
            score on extractor | x.yaml | 'id: x\\nvendor: X\\nkind: camera\\nrules:\\n  - {id: r1, when: {ports-open: [80]}, score: 0.5}\\nextract:\\n  firmware: [{key: onvif.firmware, score: 0.5}]' | x.yaml extract.firmware onvif.firmware: score belongs to manufacturer claims only
            """)
    void badFileIsRejectedNamingFileAndRule(String what, String file, String yaml, String message, @TempDir Path dir)
            throws IOException {
        Files.copy(CONTENT.resolve(FingerprintLoader.COMMON), dir.resolve(FingerprintLoader.COMMON));
        Files.writeString(dir.resolve(file), yaml.replace("\\n", "\n"));
        assertThatThrownBy(() -> FingerprintEngine.load(dir))
                .isInstanceOf(FingerprintException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir + "/" + message);
    }

    @Test
    void missingCommonFileIsNamed(@TempDir Path dir) throws IOException {
        Files.copy(CONTENT.resolve("axis.yaml"), dir.resolve("axis.yaml"));
        assertThatThrownBy(() -> FingerprintEngine.load(dir)).isInstanceOf(FingerprintException.class)
                .hasMessage(dir + ": _common.yaml is missing");
    }
}
