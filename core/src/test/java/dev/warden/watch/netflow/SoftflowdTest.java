package dev.warden.watch.netflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end against a real exporter: softflowd reads a pcap this test wrote, exports NetFlow v5, v9 or IPFIX to a
 * UDP socket on 127.0.0.1, and the decoded flows must add up to exactly the packets and bytes in the pcap.
 */
class SoftflowdTest {
    /** 2023-11-14 22:13:20 UTC, where the pcap's packets start. */
    static final long T0_MICROS = 1_700_000_000_000_000L;
    static final int CLIENT = 0x0A00_0001;   // 10.0.0.1
    static final int SERVER = 0x0A00_0002;   // 10.0.0.2

    static Path softflowd() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "softflowd");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Three TCP connections (both directions) and two UDP exchanges, 1 to 1400 bytes of payload. */
    static Pcap pcap() {
        Pcap pcap = new Pcap();
        long t = T0_MICROS;
        for (int c = 0; c < 3; c++) {
            int port = 40_000 + c;
            pcap.packet(t += 1000, CLIENT, SERVER, 6, port, 80, 0x02, 0);
            pcap.packet(t += 1000, SERVER, CLIENT, 6, 80, port, 0x12, 0);
            for (int i = 0; i < 4 + c; i++) {
                pcap.packet(t += 20_000, CLIENT, SERVER, 6, port, 80, 0x18, 100 + 300 * i);
                pcap.packet(t += 20_000, SERVER, CLIENT, 6, 80, port, 0x18, 1400 - 50 * i);
            }
            pcap.packet(t += 1000, CLIENT, SERVER, 6, port, 80, 0x11, 0);
            pcap.packet(t += 1000, SERVER, CLIENT, 6, 80, port, 0x11, 0);
        }
        for (int u = 0; u < 2; u++) {
            for (int i = 0; i < 5; i++) {
                pcap.packet(t += 100_000, CLIENT, SERVER, 17, 5353 + u, 53, 0, 40 + i);
                pcap.packet(t += 1000, SERVER, CLIENT, 17, 53, 5353 + u, 0, 200 + i * 7);
            }
        }
        return pcap;
    }

    /** The export version, optionally with softflowd's absolute time format (IPFIX flowStart* seconds to nanos). */
    @ParameterizedTest(name = "softflowd -v {0} {1}")
    @CsvSource({"5,", "9,", "10,", "10,sec", "10,milli", "10,micro", "10,nano"})
    void decodedFlowsAddUpToThePcap(int version, String timeFormat, @TempDir Path dir) throws Exception {
        Path softflowd = softflowd();
        assumeTrue(softflowd != null, "softflowd is not installed (apt-get install softflowd); skipping the "
                + "end-to-end NetFlow test");
        Pcap pcap = pcap();
        Path file = dir.resolve("flows.pcap");
        Files.write(file, pcap.toBytes());

        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        List<FlowRecord> flows = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(300);
            // -r reads the file; never -c with -r (softflowd 1.1.0 then blocks in accept); -a keeps pcap times
            List<String> command = new ArrayList<>(List.of(softflowd.toString(), "-r", file.toString(), "-n",
                    "127.0.0.1:" + socket.getLocalPort(), "-v", String.valueOf(version), "-d", "-a",
                    "-p", dir.resolve("softflowd.pid").toString()));
            if (timeFormat != null) {
                command.addAll(List.of("-A", timeFormat));
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("softflowd.log").toFile()).start();
            try {
                byte[] buf = new byte[65_535];
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                boolean exited = false;
                while (System.nanoTime() < deadline) {
                    DatagramPacket packet = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        if (exited) {
                            break;   // exited and nothing more in flight
                        }
                        exited = !p.isAlive();
                        continue;
                    }
                    decoder.decode(ByteBuffer.wrap(buf, 0, packet.getLength()).slice(), packet.getAddress(),
                            System.currentTimeMillis(), flows::add);
                }
                assertThat(exited).as("softflowd exited; log: %s", log(dir)).isTrue();
            } finally {
                p.destroyForcibly();
            }
        }

        assertThat(stats.malformed()).as("%s; log: %s", stats, log(dir)).isZero();
        assertThat(stats.get(NetflowStats.Counter.SEQUENCE_GAP)).as(stats.toString()).isZero();
        assertThat(flows).as(log(dir)).isNotEmpty().allSatisfy(f -> assertThat(f.version()).isEqualTo(version));
        assertThat(flows.stream().mapToLong(FlowRecord::packets).sum()).isEqualTo(pcap.packets);
        assertThat(flows.stream().mapToLong(FlowRecord::bytes).sum()).isEqualTo(pcap.ipBytes);
        long first = T0_MICROS / 1000;
        assertThat(flows).allSatisfy(f -> {
            assertThat(f.srcAddress()).isIn(InetAddress.getByName("10.0.0.1"), InetAddress.getByName("10.0.0.2"));
            assertThat(f.protocol()).isIn(6, 17);
            assertThat(f.startMillis()).isBetween(first - 2_000, first + 10_000);
            assertThat(f.endMillis()).isBetween(f.startMillis(), first + 10_000);
        });
        assertThat(flows).filteredOn(f -> f.protocol() == 6 && f.dstPort() == 80)
                .extracting(FlowRecord::srcPort).containsExactlyInAnyOrder(40_000, 40_001, 40_002);
    }

    private static String log(Path dir) {
        File f = dir.resolve("softflowd.log").toFile();
        try {
            return f.exists() ? Files.readString(f.toPath()) : "(no log)";
        } catch (java.io.IOException e) {
            return "(unreadable log: " + e + ")";
        }
    }
}
