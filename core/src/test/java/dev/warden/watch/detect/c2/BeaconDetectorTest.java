package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The beacon signal on synthetic captures: regular small connections fire; irregular or housekeeping ones do not. */
class BeaconDetectorTest {
    private static final String HOST = "192.168.1.40";
    private static final String C2 = "203.0.113.9";

    @TempDir
    Path dir;

    /** {@code n} short connections to {@code port}, starting {@code gapSeconds} (plus jitter) apart. */
    private static Trace checkIns(int n, int port, long gapMicros, long jitterMicros, long seed) {
        Random random = new Random(seed);
        Trace t = new Trace();
        for (int i = 0; i < n; i++) {
            long gap = i == 0 ? 1_000 : gapMicros + (long) ((random.nextDouble() * 2 - 1) * jitterMicros);
            t.connect(gap, HOST, 41_000 + i, C2, port)
                    .say(HOST, 41_000 + i, C2, port, "hello " + i % 10)
                    .tcp(1_000, HOST, 41_000 + i, C2, port, Trace.FIN_ACK, "")
                    .tcp(1_000, C2, port, HOST, 41_000 + i, Trace.FIN_ACK, "");
        }
        return t;
    }

    @Test
    void smallConnectionsEveryMinuteWithinASecondAreABeacon() throws IOException {
        assertThat(checkIns(12, 8000, 60_000_000, 1_000_000, 1).replay(dir)).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo(HOST);
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.peers()).containsExactly(C2 + ":8000");
            assertThat(a.evidence()).startsWith("beacon: 8 TCP flows to 203.0.113.9:8000 start every ");
            assertThat(a.counts()).containsEntry("signal_beacon", 1L).containsEntry("flows", 8L);
            assertThat(a.counts().get("interval_ms")).isBetween(59_000L, 61_000L);
        });
    }

    @Test
    void connectionsAtIrregularTimesAreNotABeacon() throws IOException {
        assertThat(checkIns(20, 8000, 60_000_000, 50_000_000, 2).replay(dir)).isEmpty();
    }

    @Test
    void aRetryLoopFasterThanTheMinimumIntervalIsNotABeacon() throws IOException {
        assertThat(checkIns(20, 8000, 2_000_000, 0, 3).replay(dir)).isEmpty();
    }

    @Test
    void periodicNtpAndHttpsHeartbeatsAreHousekeepingNotBeacons() throws IOException {
        Trace t = checkIns(12, 443, 300_000_000, 100_000, 4);
        for (int i = 0; i < 12; i++) {
            t.udp(64_000_000, HOST, 123, "198.51.100.123", 123, 48);
        }
        assertThat(t.replay(dir)).isEmpty();
    }

    @Test
    void aLongSessionCutByTheFlowTimeoutsIsNotABeacon() throws IOException {
        Trace t = new Trace().connect(1_000, HOST, 41_000, C2, 8000);
        for (int i = 0; i < 60; i++) {
            t.say(HOST, 41_000, C2, 8000, "keepalive").pause(29_900_000);
        }
        for (int i = 0; i < 400; i++) {
            t.udp(10_000_000, HOST, 40_000, C2, 9999, 100);
        }
        assertThat(t.replay(dir)).isEmpty();
    }
}
