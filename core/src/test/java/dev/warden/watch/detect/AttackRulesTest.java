package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The flood, DNS water torture and brute-force rule files: shipped values, defaults, and errors naming the field. */
class AttackRulesTest {
    private static byte[] yaml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedFilesLoad() {
        FloodRules f = FloodRules.load();
        assertThat(f.windowCount(FloodKind.SYN)).isEqualTo(1_000);
        assertThat(f.windowCount(FloodKind.UDP)).isEqualTo(20_000);
        assertThat(f.victimSeverity()).isEqualTo(Severity.LOW);
        assertThat(DnsWaterTortureRules.load().minDistinct()).isEqualTo(100);
        assertThat(BruteForceRules.load().ports()).contains(23, 2323, 22, 80, 554);
        assertThat(Detectors.names()).contains("flood", "dns-water-torture", "brute-force", "scan");
    }

    @Test
    void anEmptyFileTakesTheDefaults() {
        assertThat(FloodRules.parse("x.yaml", yaml("{}\n"))).isEqualTo(FloodRules.load());
        assertThat(BruteForceRules.parse("x.yaml", yaml("minSessions: 5\n")).windowNanos())
                .isEqualTo(60_000_000_000L);
    }

    @Test
    void badFieldsNameTheFileAndTheField() {
        assertThatThrownBy(() -> FloodRules.parse("r/flood.yaml", yaml("synPps: -3\n")))
                .isInstanceOf(RulesException.class).hasMessageStartingWith("r/flood.yaml at synPps:");
        assertThatThrownBy(() -> FloodRules.parse("r/flood.yaml", yaml("victimSeverity: high\n")))
                .hasMessageStartingWith("r/flood.yaml at victimSeverity:");
        assertThatThrownBy(() -> FloodRules.parse("r/flood.yaml", yaml("httpPorts: [0]\n")))
                .hasMessageContaining("at httpPorts: 0");
        assertThatThrownBy(() -> FloodRules.parse("r/flood.yaml", yaml("udpPPS: 5\n")))
                .isInstanceOf(RulesException.class).hasMessageContaining("udpPPS");
        assertThatThrownBy(() -> DnsWaterTortureRules.parse("r/dns.yaml", yaml("minUniqueShare: 1.5\n")))
                .hasMessageStartingWith("r/dns.yaml at minUniqueShare:");
        assertThatThrownBy(() -> BruteForceRules.parse("r/bf.yaml", yaml("minSessions: 1\n")))
                .hasMessageStartingWith("r/bf.yaml at minSessions:");
        assertThatThrownBy(() -> BruteForceRules.parse("r/bf.yaml", yaml("maxSessionsPerSecond: 0\n")))
                .hasMessageStartingWith("r/bf.yaml at maxSessionsPerSecond:");
        assertThatThrownBy(() -> BruteForceRules.parse("r/bf.yaml", yaml("victimSeverity: critical\n")))
                .hasMessageStartingWith("r/bf.yaml at victimSeverity:");
    }
}
