package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.watch.detect.RulesException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The C2 rule files: the shipped ones say what the defaults are, and bad ones name the file and the field. */
class C2RulesTest {
    private static byte[] yaml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedFilesWriteDownExactlyTheDefaults() {
        IrcRules irc = IrcRules.load();
        IrcRules ircDefaults = IrcRules.parse("empty", yaml("{}"));
        assertThat(irc.orderWords()).contains("!udp", "!syn", ".ddos", "!http");
        assertThat(irc.standardPorts()).contains(6667, 6697, 7000).doesNotContain(2407, 4975);
        assertThat(irc.botNicks()).hasSize(2);
        assertThat(irc).usingRecursiveComparison().ignoringFields("botNicks", "orderWords")
                .isEqualTo(ircDefaults);
        assertThat(BeaconRules.load()).isEqualTo(BeaconRules.parse("empty", yaml("{}")));
        assertThat(FailoverRules.load()).isEqualTo(FailoverRules.parse("empty", yaml("{}")));
    }

    @Test
    void aBadNickPatternNamesTheFileAndField() {
        assertThatThrownBy(() -> IrcRules.parse("my/c2-irc.yaml", yaml("botNicks: ['[unclosed']")))
                .isInstanceOf(RulesException.class).hasMessageContaining("my/c2-irc.yaml at botNicks");
    }

    @Test
    void anOrderWordWithASpaceOrAnEmptyPatternIsRefused() {
        assertThatThrownBy(() -> IrcRules.parse("f.yaml", yaml("orderWords: ['!udp flood']")))
                .hasMessageContaining("f.yaml at orderWords");
        assertThatThrownBy(() -> IrcRules.parse("f.yaml", yaml("botNicks: ['']")))
                .hasMessageContaining("f.yaml at botNicks");
    }

    @Test
    void outOfRangeValuesAndUnknownFieldsNameTheFileAndField() {
        assertThatThrownBy(() -> BeaconRules.parse("b.yaml", yaml("maxJitter: 2")))
                .hasMessageContaining("b.yaml at maxJitter");
        assertThatThrownBy(() -> BeaconRules.parse("b.yaml", yaml("minFlows: 8\nsamples: 4")))
                .hasMessageContaining("b.yaml at samples");
        assertThatThrownBy(() -> FailoverRules.parse("f.yaml", yaml("minServers: 1")))
                .hasMessageContaining("f.yaml at minServers");
        assertThatThrownBy(() -> FailoverRules.parse("f.yaml", yaml("commonPorts: [70000]")))
                .hasMessageContaining("f.yaml at commonPorts");
        assertThatThrownBy(() -> FailoverRules.parse("f.yaml", yaml("minServer: 3")))
                .isInstanceOf(RulesException.class).hasMessageContaining("f.yaml");
    }
}
