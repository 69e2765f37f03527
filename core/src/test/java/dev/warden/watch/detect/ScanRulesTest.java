package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanRulesTest {
    private static ScanRules parse(String yaml) {
        return ScanRules.parse("rules/x.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFileLoadsWithTelnetAndExploitPorts() {
        ScanRules r = ScanRules.load();
        assertThat(r.ports()).contains(23, 2323, 52869, 37215);
        assertThat(r.minTargets()).isEqualTo(64);
        assertThat(r.windowNanos()).isEqualTo(60_000_000_000L);
        assertThat(r.miraiSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void omittedFieldsTakeTheirDefaults() {
        ScanRules r = parse("minTargets: 5\n");
        assertThat(r.minTargets()).isEqualTo(5);
        assertThat(r.ports()).containsExactlyInAnyOrder(23, 2323);
        assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.suppressNanos()).isEqualTo(3_600_000_000_000L);
    }

    @Test
    void badValuesNameTheFileAndTheField() {
        assertThatThrownBy(() -> parse("minTargets: 1\n")).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules/x.yaml at minTargets:");
        assertThatThrownBy(() -> parse("ports: [23, 70000]\n")).hasMessageContaining("at ports: 70000");
        assertThatThrownBy(() -> parse("severity: dire\n")).hasMessageContaining("at severity: unknown severity 'dire'");
        assertThatThrownBy(() -> parse("miraiShare: 0\n")).hasMessageContaining("at miraiShare");
        assertThatThrownBy(() -> parse("minTarget: 5\n")).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules/x.yaml at minTarget").hasMessageContaining("unknown field 'minTarget'");
        assertThatThrownBy(() -> parse("ports: [23, 2323\n")).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules/x.yaml");
    }
}
