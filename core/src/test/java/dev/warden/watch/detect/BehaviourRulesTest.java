package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BehaviourRulesTest {
    private static byte[] yaml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedFilesLoad() {
        ExfiltrationRules e = ExfiltrationRules.load();
        assertThat(e.minBytes()).isEqualTo(100_000_000L);
        assertThat(e.streamPorts()).contains(554, 21, 1935);
        LateralMovementRules l = LateralMovementRules.load();
        assertThat(l.adminPorts()).contains(22, 23, 2323, 445, 3389, 5900);
        assertThat(l.minTargets()).isEqualTo(5);
        BaselineRules b = BaselineRules.load();
        assertThat(b.minNewDestinations()).isEqualTo(10);
        assertThat(b.severity()).isEqualTo(Severity.LOW);
        assertThat(b.severityMany()).isEqualTo(Severity.MEDIUM);
        assertThat(Detectors.names()).contains("exfiltration", "lateral-movement", "anomaly");
    }

    @Test
    void omittedFieldsTakeTheirDefaults() {
        assertThat(ExfiltrationRules.parse("x.yaml", yaml("minBytes: 5\n")).minRatio()).isEqualTo(5.0);
        assertThat(LateralMovementRules.parse("x.yaml", yaml("minTargets: 2\n")).windowNanos())
                .isEqualTo(600 * RuleFields.SECOND);
        assertThat(BaselineRules.parse("x.yaml", yaml("maxPort: 1023\n")).volumeFactor()).isEqualTo(10.0);
    }

    @Test
    void badValuesNameTheFileAndTheField() {
        assertThatThrownBy(() -> ExfiltrationRules.parse("rules/exfiltration.yaml", yaml("minRatio: 0\n")))
                .isInstanceOf(RulesException.class).hasMessageStartingWith("rules/exfiltration.yaml at minRatio:");
        assertThatThrownBy(() -> ExfiltrationRules.parse("rules/exfiltration.yaml", yaml("streamPorts: [0]\n")))
                .hasMessageContaining("at streamPorts: 0");
        assertThatThrownBy(() -> LateralMovementRules.parse("rules/lateral-movement.yaml",
                yaml("adminPorts: []\n"))).hasMessageContaining("lateral-movement.yaml at adminPorts: must name");
        assertThatThrownBy(() -> LateralMovementRules.parse("rules/lateral-movement.yaml",
                yaml("severity: dire\n"))).hasMessageContaining("at severity: unknown severity 'dire'");
        assertThatThrownBy(() -> BaselineRules.parse("rules/anomaly.yaml", yaml("maxPort: 70000\n")))
                .hasMessageStartingWith("rules/anomaly.yaml at maxPort: 70000");
        assertThatThrownBy(() -> BaselineRules.parse("rules/anomaly.yaml", yaml("minNewDestination: 3\n")))
                .isInstanceOf(RulesException.class).hasMessageContaining("minNewDestination");
    }
}
