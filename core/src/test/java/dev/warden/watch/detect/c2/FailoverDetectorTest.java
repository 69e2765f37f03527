package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fail-over and retry signals on synthetic captures. */
class FailoverDetectorTest {
    private static final String BOT = "192.168.2.5";

    @TempDir
    Path dir;

    /** Unanswered SYNs to one server, a reset from a second, then a session of an hour with a third. */
    private static Trace failOver(int port) {
        Trace t = new Trace()
                .tcp(1_000, BOT, 50_000, "198.51.100.1", port, Trace.SYN, "")
                .tcp(1_000_000, BOT, 50_000, "198.51.100.1", port, Trace.SYN, "")
                .tcp(3_000_000, BOT, 50_001, "198.51.100.2", port, Trace.SYN, "")
                .tcp(50_000, "198.51.100.2", port, BOT, 50_001, Trace.RST | Trace.ACK, "")
                .connect(1_000_000, BOT, 50_002, "198.51.100.3", port);
        for (int i = 0; i < 70; i++) {
            t.say(BOT, 50_002, "198.51.100.3", port, "PONG :x").pause(50_000_000);
        }
        return t;
    }

    @Test
    void aHostTryingServerAfterServerOnOnePortIsFailOver() throws IOException {
        assertThat(failOver(2407).replay(dir)).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo(BOT);
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.peers()).containsExactly("198.51.100.1:2407", "198.51.100.2:2407", "198.51.100.3:2407");
            assertThat(a.evidence()).startsWith("fail-over: connections to 3 servers on TCP port 2407, 2 failed")
                    .contains("198.51.100.1:2407 (failed)", "198.51.100.2:2407 (failed)")
                    .doesNotContain("198.51.100.3:2407 (failed)");
            assertThat(a.counts()).containsEntry("servers", 3L).containsEntry("failures", 2L);
        });
    }

    /** {@code n} unanswered connections to one server, one every 3 s: a bot refused by its only C2 server. */
    private static Trace refused(int n, int port) {
        Trace t = new Trace();
        for (int i = 0; i < n; i++) {
            t.tcp(3_000_000, BOT, 40_000 + i, "198.51.100.7", port, Trace.SYN, "");
        }
        return t;
    }

    @Test
    void aHundredFailedConnectionsToOneServerIsRetry() throws IOException {
        assertThat(refused(100, 4975).replay(dir)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.peers()).containsExactly("198.51.100.7:4975");
            assertThat(a.evidence()).startsWith("retry: connections to 1 servers on TCP port 4975, 100 failed");
        });
    }

    @Test
    void fewerFailuresToOneServerOrOnAWebPortAreNothing() throws IOException {
        assertThat(refused(99, 4975).replay(dir)).isEmpty();
        assertThat(refused(150, 443).replay(dir)).isEmpty();
    }

    @Test
    void theSamePatternOnAWebPortIsOrdinary() throws IOException {
        assertThat(failOver(443).replay(dir)).isEmpty();
    }

    @Test
    void longWorkingSessionsToSeveralServersAreNotFailOver() throws IOException {
        Trace t = new Trace();
        for (int s = 1; s <= 4; s++) {
            String server = "198.51.100." + s;
            t.connect(1_000, BOT, 50_000 + s, server, 2407);
            for (int i = 0; i < 5; i++) {
                t.say(BOT, 50_000 + s, server, 2407, "data").pause(40_000_000);
            }
        }
        assertThat(t.replay(dir)).isEmpty();
    }

    @Test
    void aRemoteHostConnectingToLocalServersIsNotFailOver() throws IOException {
        Trace t = new Trace();
        for (int s = 1; s <= 4; s++) {
            t.tcp(1_000_000, "198.51.100.9", 50_000 + s, "192.168.2." + (10 + s), 2407, Trace.SYN, "");
        }
        assertThat(t.replay(dir)).isEmpty();
    }

    @Test
    void aScannersSweepOfAnOddPortIsNotFailOver() throws IOException {
        Trace t = new Trace();
        for (int i = 1; i <= 40; i++) {
            t.tcp(5_000, BOT, 50_000 + i, "198.51.100." + i, 37215, Trace.SYN, "");
        }
        assertThat(t.replay(dir)).isEmpty();
    }
}
