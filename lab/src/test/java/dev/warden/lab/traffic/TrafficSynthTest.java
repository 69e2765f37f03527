package dev.warden.lab.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.eval.Truth;
import dev.warden.watch.eval.TruthWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesizer's captures decode cleanly, are marked synthetic, repeat by seed, and match their truth. */
class TrafficSynthTest {
    private static final String BOT = "192.168.50.13";
    private static final int VICTIM = Lan.ip(203, 0, 113, 77);

    @TempDir
    Path tmp;

    /** Per truth kind, the packets the bot sent inside that window that have the phase's signature. */
    private record Decoded(DecodeStats stats, long packets, Map<String, Long> signatures, long miraiOutside) {
    }

    private Decoded decode(Path file, Truth truth) throws IOException {
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView v = new PacketView();
        Map<String, Long> sig = new HashMap<>();
        long packets = 0;
        long miraiOutside = 0;
        long last = Long.MIN_VALUE;
        int bot = Lan.ip(192, 168, 50, 13);
        try (PcapReader r = PcapReader.open(file, stats)) {
            while (r.next()) {
                assertThat(decoder.decode(r, v)).as("packet %d", packets).isTrue();
                assertThat(v.timestampNanos()).isGreaterThanOrEqualTo(last);
                last = v.timestampNanos();
                packets++;
                boolean fromBot = v.srcIpv4() == bot;
                boolean syn = v.protocol() == PacketView.PROTO_TCP && v.tcpFlags() == PacketView.TCP_SYN;
                String kind = null;
                if (fromBot && syn && v.seq() == (v.dstIpv4() & 0xFFFFFFFFL)) {
                    kind = "scan";
                } else if (fromBot && syn && v.dstIpv4() == VICTIM) {
                    kind = "syn-flood";
                } else if (fromBot && v.encapDepth() > 0) {
                    kind = "gre-flood";
                } else if (fromBot && v.protocol() == PacketView.PROTO_UDP && v.dstIpv4() == VICTIM) {
                    kind = "udp-flood";
                }
                if (kind != null) {
                    String k = kind;
                    boolean inside = truth.windows().stream().anyMatch(w -> w.kind().equals(k)
                            && w.covers(v.timestampNanos(), 0));
                    if (inside) {
                        sig.merge(kind, 1L, Long::sum);
                    } else if (kind.equals("scan")) {
                        miraiOutside++;
                    }
                }
            }
        }
        return new Decoded(stats, packets, sig, miraiOutside);
    }

    @Test
    void theDemoDecodesCleanlyAndMatchesItsTruth() throws IOException {
        Path out = tmp.resolve("demo" + TrafficSynth.SUFFIX);
        TrafficSynth.Written w = TrafficSynth.write(out, Scenario.demo());
        assertThat(w.truthFile()).isEqualTo(tmp.resolve("demo.synthetic.truth.json"));
        Truth truth = Truth.parse("truth", Files.readAllBytes(w.truthFile()));
        assertThat(truth).isEqualTo(w.truth());
        assertThat(truth.synthetic()).isTrue();
        assertThat(truth.windows()).extracting(TruthWindow::host).containsOnly(BOT);
        assertThat(truth.windows()).extracting(TruthWindow::kind).containsExactly("c2", "scan", "syn-flood");
        assertThat(truth.windows().get(0).endNanos()).isEqualTo(Scenario.demo().startNanos() + 300_000_000_000L);

        Decoded d = decode(out, truth);
        assertThat(d.stats().malformedTotal()).as(d.stats().nonZero().toString()).isZero();
        assertThat(d.packets()).isEqualTo(w.packets());
        assertThat(d.signatures().get("scan")).isBetween(5_000L, 7_000L);
        assertThat(d.signatures().get("syn-flood")).isBetween(25_000L, 35_000L);
        assertThat(d.miraiOutside()).isZero();
        assertThat(Files.size(out)).isLessThan(6L << 20);
        String head = new String(Files.readAllBytes(out), 0, 400, StandardCharsets.UTF_8);
        assertThat(head).contains("synthetic: warden lab traffic --seed 1 --minutes 5 --cameras 3 --phases c2,scan,syn-flood");
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Scenario a = Scenario.of(7, 3, 2, List.of(Phase.SCAN));
        Path one = tmp.resolve("one" + TrafficSynth.SUFFIX);
        Path two = tmp.resolve("two" + TrafficSynth.SUFFIX);
        Path other = tmp.resolve("other" + TrafficSynth.SUFFIX);
        TrafficSynth.write(one, a);
        TrafficSynth.write(two, a);
        TrafficSynth.write(other, Scenario.of(8, 3, 2, List.of(Phase.SCAN)));
        byte[] x = Files.readAllBytes(one);
        assertThat(Arrays.equals(x, Files.readAllBytes(two))).isTrue();
        assertThat(Arrays.equals(x, Files.readAllBytes(other))).isFalse();
    }

    @Test
    void everyPhaseDecodesAndLandsInItsWindow() throws IOException {
        Path out = tmp.resolve("all" + TrafficSynth.SUFFIX);
        TrafficSynth.Written w = TrafficSynth.write(out, Scenario.of(3, null, 3, List.of(Phase.values())));
        assertThat(w.truth().windows()).hasSize(Phase.values().length);
        Decoded d = decode(out, w.truth());
        assertThat(d.stats().malformedTotal()).as(d.stats().nonZero().toString()).isZero();
        assertThat(d.signatures()).containsKeys("scan", "syn-flood", "udp-flood", "gre-flood");
        assertThat(d.signatures().get("gre-flood")).isBetween(25_000L, 35_000L);
        assertThat(d.miraiOutside()).isZero();
        tshark(out);
    }

    @Test
    void aNameThatDoesNotSaySyntheticIsRefused() {
        assertThatThrownBy(() -> TrafficSynth.write(tmp.resolve("real.pcapng"), Scenario.demo()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".synthetic.pcapng");
        assertThatThrownBy(() -> Scenario.of(1, 2, 1, List.of(Phase.SCAN, Phase.EXFILTRATION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give more minutes");
    }

    /** tshark (when installed) reads the file without complaint and finds no bad IP, TCP or UDP checksum. */
    private static void tshark(Path file) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/tshark"))) {
            System.out.println("skipped: tshark is not installed");
            return;
        }
        Path report = Files.createTempFile(file.getParent(), "tshark", ".txt");
        Process p = new ProcessBuilder("/usr/bin/tshark", "-r", file.toString(), "-n",
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-Y", "ip.checksum.status == 0 || tcp.checksum.status == 0 || udp.checksum.status == 0"
                        // flood payloads are random bytes that tshark's heuristics take for RTCP and the like
                        + " || (_ws.malformed && ip.dst != 203.0.113.77)")
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(report).replaceAll("Running as user \"root\".*\n?", "").strip();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("frames tshark calls bad or malformed").isEmpty();
    }
}
