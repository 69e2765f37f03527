package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.model.Severity;
import dev.warden.watch.detect.Alert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The irc and attack-order signals on synthetic captures. */
class IrcC2DetectorTest {
    private static final String BOT = "192.168.1.50";
    private static final String C2 = "203.0.113.7";

    @TempDir
    Path dir;

    private static Trace register(Trace t, int port, String nick) {
        return t.connect(1_000, BOT, 40_000, C2, port)
                .say(BOT, 40_000, C2, port, "NICK " + nick + "\r\nUSER x localhost localhost :x")
                .hear(C2, port, BOT, 40_000, "PING :12AB")
                .say(BOT, 40_000, C2, port, "PONG :12AB");
    }

    @Test
    void ircToAnOddPortIsC2NamingServerNickAndChannel() throws IOException {
        Trace t = register(new Trace(), 2407, "[x86|kx1]");
        t.say(BOT, 40_000, C2, 2407, "JOIN #bots :key");
        List<Alert> alerts = t.replay(dir);
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo(BOT);
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.peers()).containsExactly(C2 + ":2407");
            assertThat(a.evidence()).startsWith("irc: ").contains("to 203.0.113.7:2407 (not an IRC port)",
                    "nick '[x86|kx1]'", "channel '#bots'");
            assertThat(a.counts()).containsEntry("signal_irc", 1L).containsEntry("port", 2407L);
        });
    }

    @Test
    void aSessionThatNeverJoinsIsReportedWhenItsFlowEnds() throws IOException {
        Trace t = register(new Trace(), 4975, "MYDWOA");
        t.hear(C2, 4975, BOT, 40_000, "ERROR :Closing Link: MYDWOA (Too many connections from your IP)")
                .tcp(1_000, C2, 4975, BOT, 40_000, Trace.FIN_ACK, "");
        assertThat(t.replay(dir)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("nick 'MYDWOA'").doesNotContain("channel"));
    }

    @Test
    void nicksFromTheWireAreCutAndStrippedOfControlCharacters() throws IOException {
        Trace t = register(new Trace(), 2407, "evil\u0007\u001b[31m" + "n".repeat(200));
        Alert a = t.replay(dir).get(0);
        assertThat(a.evidence()).doesNotContain("\u0007", "\u001b").contains("nick 'evil??[31mnnn")
                .doesNotContain("n".repeat(60));
    }

    @Test
    void aPersonOnTheStandardIrcPortIsNotC2ButABotNickThereIs() throws IOException {
        Trace person = register(new Trace(), 6667, "alice");
        person.say(BOT, 40_000, C2, 6667, "JOIN #java");
        assertThat(person.replay(dir)).isEmpty();

        Trace bot = register(new Trace(), 6667, "A5|1|5358668|black-pe");
        bot.say(BOT, 40_000, C2, 6667, "JOIN #a925d765");
        assertThat(bot.replay(dir)).singleElement().satisfies(a -> assertThat(a.evidence())
                .contains("(an IRC port)", "nick matches bot pattern"));
    }

    @Test
    void ftpOrPop3LoginOnAnOddPortIsNotIrc() throws IOException {
        Trace t = new Trace().connect(1_000, BOT, 40_001, C2, 2121)
                .say(BOT, 40_001, C2, 2121, "USER anonymous")
                .say(BOT, 40_001, C2, 2121, "PASS guest");
        assertThat(t.replay(dir)).isEmpty();
    }

    @Test
    void aRemoteClientSpeakingIrcToALocalServerIsNotAnInfectedLocalHost() throws IOException {
        Trace t = new Trace().connect(1_000, "198.51.100.9", 50_000, "192.168.1.60", 2407)
                .say("198.51.100.9", 50_000, "192.168.1.60", 2407, "NICK [arm|x]\r\nUSER a b c :d")
                .say("198.51.100.9", 50_000, "192.168.1.60", 2407, "JOIN #x");
        assertThat(t.replay(dir)).isEmpty();
    }

    @Test
    void aFloodOrderFollowedByABurstTowardItsTargetIsAnAttackOrder() throws IOException {
        Trace t = register(new Trace(), 2407, "[mips|z]");
        t.say(BOT, 40_000, C2, 2407, "JOIN #bots")
                .hear(C2, 2407, BOT, 40_000, "PING :k\r\n:boss!b@h PRIVMSG #bots :!udp 198.51.100.77 80 30");
        for (int i = 0; i < 250; i++) {
            t.udp(2_000, BOT, 30_000 + i, "198.51.100.77", 80, 512);
        }
        List<Alert> orders = Trace.signal(t.replay(dir), "attack-order");
        assertThat(orders).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo(BOT);
            assertThat(a.peers()).containsExactly("198.51.100.77", C2 + ":2407");
            assertThat(a.evidence()).contains("order '!udp 198.51.100.77 80 30'", "200 packets",
                    "to 198.51.100.77 within 0.4 s");
            assertThat(a.counts()).containsEntry("signal_attack_order", 1L).containsEntry("packets", 200L);
        });
    }

    @Test
    void anOrderWithoutABurstInItsWindowIsOnlyWords() throws IOException {
        Trace t = register(new Trace(), 2407, "[mips|z]");
        t.say(BOT, 40_000, C2, 2407, "JOIN #bots")
                .hear(C2, 2407, BOT, 40_000, ":boss!b@h TOPIC #bots :!syn 198.51.100.78 443")
                .pause(61_000_000);
        for (int i = 0; i < 250; i++) {
            t.udp(1_000, BOT, 30_000 + i, "198.51.100.78", 443, 64);
        }
        List<Alert> alerts = t.replay(dir);
        assertThat(Trace.signal(alerts, "attack-order")).isEmpty();
        assertThat(Trace.signal(alerts, "irc")).hasSize(1);
    }
}
