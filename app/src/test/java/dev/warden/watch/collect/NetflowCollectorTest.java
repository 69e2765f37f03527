package dev.warden.watch.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector end to end on loopback 127.77.160.1: hand-made datagrams for the queue, limits and counters, and real
 * softflowd exporting a real IoT-23 capture (shared data, never copied; skipped with a message when softflowd or the
 * capture is absent), whose flows must add up to the capture's IP packets and bytes.
 */
class NetflowCollectorTest {
    private static final String HOST = "127.77.160.1";
    private static final Path CAPTURE = Path.of("../../shared/data/traffic/iot23-42-1-c2/42-1.http-payload-stripped.pcap");

    @TempDir
    Path dir;

    /** Counts what reaches the detectors. */
    private static final class Totals implements Detector {
        final List<FlowEvent> flows = new ArrayList<>();

        @Override
        public String name() {
            return "totals";
        }

        @Override
        public void onFlow(FlowEvent flow, Consumer<Alert> out) {
            flows.add(flow);
        }

        long packets() {
            return flows.stream().mapToLong(f -> f.clientPackets() + f.serverPackets()).sum();
        }

        long bytes() {
            return flows.stream().mapToLong(f -> f.clientBytes() + f.serverBytes()).sum();
        }
    }

    private static WatchPipeline pipeline(Totals totals) {
        return new WatchPipeline(List.of(totals), FlowTable.Config.defaults(), a -> { });
    }

    @Test
    void datagramsBecomeFlowsAndGapsAreCounted() throws Exception {
        Totals totals = new Totals();
        try (NetflowCollector c = NetflowCollector.bind(new InetSocketAddress(HOST, 0),
                new NetflowCollector.Config(64, 3, 10_000));
             DatagramSocket exporter = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
            // sequence 9, not 5: a gap of 4 records
            for (byte[] d : List.of(NetflowDatagrams.v5(2, 0), NetflowDatagrams.v5(3, 2), NetflowDatagrams.v5(1, 9))) {
                exporter.send(new DatagramPacket(d, d.length, c.address()));
            }
            NetflowCollector.Summary s = c.run(pipeline(totals), () -> false);
            assertThat(s.datagrams()).isEqualTo(3);
            assertThat(s.queueDrops()).isZero();
            assertThat(s.flows()).isEqualTo(6);
            assertThat(s.decoder().snapshot()).containsEntry("netflow.sequence.gap", 1L)
                    .containsEntry("netflow.sequence.lost", 4L);
        }
        assertThat(totals.flows).hasSize(6).allSatisfy(f -> {
            assertThat(f.client()).isEqualTo("10.0.0.1");
            assertThat(f.serverPort()).isEqualTo(23);
            assertThat(f.clientSyn()).isTrue();
            assertThat(f.startNanos()).isEqualTo((1_700_000_000_000L - 1000 + 500) * 1_000_000L);
        });
    }

    @Test
    void aFullQueueDropsAndCounts() throws Exception {
        try (NetflowCollector c = NetflowCollector.bind(new InetSocketAddress(HOST, 0),
                new NetflowCollector.Config(1, 200, 5_000));
             DatagramSocket exporter = new DatagramSocket(new InetSocketAddress(HOST, 0))) {
            byte[] d = NetflowDatagrams.v5(30, 0);
            for (int i = 0; i < 200; i++) {
                exporter.send(new DatagramPacket(d, d.length, c.address()));
            }
            Thread.sleep(300);   // the receiver fills the one-slot queue before the pipeline thread starts taking
            NetflowCollector.Summary s = c.run(pipeline(new Totals()), () -> false);
            assertThat(s.queueDrops()).isPositive();
            assertThat(s.datagrams() - s.queueDrops()).isEqualTo(s.decoder().snapshot().get("netflow.datagrams"));
        }
    }

    @Test
    void addressesAreLiteralsAndLoopbackByDefault() {
        assertThat(NetflowCollector.parseAddress("2055")).isEqualTo(new InetSocketAddress("127.0.0.1", 2055));
        assertThat(NetflowCollector.parseAddress("127.77.160.1:9995")).isEqualTo(new InetSocketAddress(HOST, 9995));
        assertThat(NetflowCollector.parseAddress("[::1]:9995").getPort()).isEqualTo(9995);
        assertThatThrownBy(() -> NetflowCollector.parseAddress("collector.example:2055"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetflowCollector.parseAddress("70000")).hasMessageContaining("out of range");
    }

    /** softflowd -v 5 cannot carry IPv6, so only v9 and IPFIX are compared with every IP packet of the capture. */
    @ParameterizedTest(name = "softflowd -v {0}")
    @ValueSource(ints = {9, 10})
    void softflowdExportingARealCaptureAddsUp(int version) throws Exception {
        Path softflowd = softflowd();
        assumeTrue(softflowd != null, "softflowd is not installed (apt-get install softflowd); skipping");
        assumeTrue(Files.isRegularFile(CAPTURE), "skipped: real capture " + CAPTURE.toAbsolutePath() + " is absent");
        long[] truth = ipTotals(CAPTURE);
        Totals totals = new Totals();
        NetflowCollector.Summary s;
        try (NetflowCollector c = NetflowCollector.bind(new InetSocketAddress(HOST, 0),
                new NetflowCollector.Config(16_384, 0, 60_000))) {
            Process p = new ProcessBuilder(softflowd.toString(), "-r", CAPTURE.toString(), "-n",
                    HOST + ":" + c.address().getPort(), "-v", String.valueOf(version), "-d", "-a",
                    "-p", dir.resolve("softflowd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("softflowd.log").toFile()).start();
            long[] exitedAt = {0};
            try {
                s = c.run(pipeline(totals), () -> {
                    if (p.isAlive()) {
                        return false;
                    }
                    exitedAt[0] = exitedAt[0] == 0 ? System.nanoTime() : exitedAt[0];
                    return System.nanoTime() - exitedAt[0] > 500_000_000L;   // in flight after exit: let it land
                });
            } finally {
                p.destroyForcibly();
            }
        }
        String log = Files.readString(dir.resolve("softflowd.log"));
        System.out.printf("softflowd -v %d: %d datagrams, %d flows, %d packets, %d bytes; capture %d IP packets, "
                + "%d bytes; %s%n", version, s.datagrams(), s.flows(), totals.packets(), totals.bytes(), truth[0],
                truth[1], s.decoder());
        assertThat(s.queueDrops()).isZero();
        assertThat(s.decoder().malformed()).as(s.decoder() + log).isZero();
        assertThat(totals.packets()).as(log).isEqualTo(truth[0]);
        assertThat(totals.bytes()).as(log).isEqualTo(truth[1]);
    }

    /**
     * IP packets and their bytes in an Ethernet capture as softflowd counts them: the frame after the Ethernet
     * header, so a short frame's padding counts (the IP total lengths alone sum 2,538 bytes less on this capture).
     */
    private static long[] ipTotals(Path file) throws IOException {
        long packets = 0;
        long bytes = 0;
        try (PcapReader r = PcapReader.open(file, new DecodeStats())) {
            while (r.next()) {
                ByteBuffer b = r.buffer();
                int off = r.dataOffset() + 12;
                int end = r.dataOffset() + r.capturedLength() - 2;
                int type = b.getShort(off) & 0xFFFF;
                while (type == 0x8100 && off + 4 <= end) {
                    off += 4;
                    type = b.getShort(off) & 0xFFFF;
                }
                off += 2;
                if (type == 0x0800 || type == 0x86DD) {
                    packets++;
                    bytes += r.originalLength() - (off - r.dataOffset());
                }
            }
        }
        return new long[] {packets, bytes};
    }

    private static Path softflowd() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "softflowd");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
