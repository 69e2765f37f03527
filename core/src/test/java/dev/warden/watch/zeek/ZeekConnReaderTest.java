package dev.warden.watch.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.TcpState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every conn.log dialect Warden meets, written here line by line, plus the shared real logs (never copied into the
 * repository; skipped with a message when absent) with their line counts as the truth.
 */
class ZeekConnReaderTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final String DATA = "1547127292.857808\tCJgn\t192.168.1.197\t58316\t104.24.96.120\t23\ttcp\t-\t"
            + "3.107228\t0\t0\tS0\t-\t-\t0\tS\t3\t180\t0\t0";

    private record Read(List<FlowEvent> flows, List<String> labels, ZeekStats stats) {
    }

    private static Read read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Read read(InputStream in) throws IOException {
        List<FlowEvent> flows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        ZeekStats stats = new ZeekStats();
        try (ZeekConnReader r = new ZeekConnReader(in, stats)) {
            while (r.next()) {
                flows.add(r.flow());
                labels.add(r.label() + "/" + r.detailedLabel());
            }
        }
        return new Read(flows, labels, stats);
    }

    private static String header(String lastFields) {
        return "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
                + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\t"
                + "orig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\t"
                + "orig_ip_bytes\tresp_pkts\tresp_ip_bytes\t" + lastFields + "\n";
    }

    @Test
    void aHeaderedTsvLineIsAFlowFromOriginatorToResponder() throws IOException {
        Read r = read(header("tunnel_parents") + DATA + "\t-\n");
        assertThat(r.flows()).hasSize(1);
        FlowEvent f = r.flows().get(0);
        assertThat(f.client()).isEqualTo("192.168.1.197");
        assertThat(f.server()).isEqualTo("104.24.96.120");
        assertThat(f.clientPort()).isEqualTo(58316);
        assertThat(f.serverPort()).isEqualTo(23);
        assertThat(f.protocol()).isEqualTo(PacketView.PROTO_TCP);
        assertThat(f.startNanos()).isEqualTo(1_547_127_292_857_808_000L);
        assertThat(f.endNanos()).isEqualTo(1_547_127_292_857_808_000L + 3_107_228_000L);
        assertThat(f.clientPackets()).isEqualTo(3);
        assertThat(f.clientBytes()).isEqualTo(180);
        assertThat(f.serverPackets()).isZero();
        assertThat(f.clientSyn()).isTrue();
        assertThat(f.synSeqIsDestination()).isFalse();
        assertThat(f.state()).isEqualTo(TcpState.SYN);
        assertThat(f.clientFlags()).isEqualTo(PacketView.TCP_SYN);
        assertThat(f.reason()).isEqualTo(EndReason.EXTERNAL);
        assertThat(r.labels()).containsExactly("null/null");
    }

    @Test
    void iot23LabelsSeparatedByThreeSpacesAreRead() throws IOException {
        Read r = read(header("tunnel_parents   label   detailed-label") + DATA + "\t-   Malicious   C&C\n");
        assertThat(r.flows()).hasSize(1);
        assertThat(r.labels()).containsExactly("Malicious/C&C");
        assertThat(r.stats().skippedTotal()).isZero();
    }

    @Test
    void aPlainHeaderLineWithEmptyValuesAndFloatCounts() throws IOException {
        String plain = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\t"
                + "resp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\t"
                + "resp_pkts\tresp_ip_bytes\ttunnel_parents\tlabel\tdetailed-label\n"
                + "1545403550.20146\tCZn\t192.168.1.196\t34026\t149.168.208.192\t23\ttcp\t\t\t\t\tS0\t\t\t0\tS\t1\t60\t0"
                + "\t0\t\tBenign\t\n"
                + "1547065518.817104\tCAo\t192.168.1.194\t53232\t192.168.1.1\t53\tudp\tdns\t0.017988\t53.0\t116.0\tSF"
                + "\t\t\t0\tDd\t1.0\t81.0\t1\t144\t\tBenign\t\n";
        Read r = read(plain);
        assertThat(r.stats().skippedTotal()).as(r.stats().examples().toString()).isZero();
        assertThat(r.flows()).hasSize(2);
        assertThat(r.flows().get(0).startNanos()).isEqualTo(1_545_403_550_201_460_000L);
        assertThat(r.flows().get(0).endNanos()).isEqualTo(r.flows().get(0).startNanos());
        assertThat(r.flows().get(1).clientBytes()).isEqualTo(81);
        assertThat(r.flows().get(1).state()).isEqualTo(TcpState.NONE);
        assertThat(r.labels()).containsExactly("Benign/null", "Benign/null");
    }

    @Test
    void aLogWithoutHeaderIsReadInZeeksDefaultOrder() throws IOException {
        Read r = read("1702359975.888030\tC3f\t176.98.40.81\t6246\t172.31.5.68\t23\ttcp\t-\t0.205686\t0\t0\tRSTO\tF\tT"
                + "\t0\tShR\t2\t80\t1\t44\t-\n");
        assertThat(r.flows()).singleElement().satisfies(f -> {
            assertThat(f.client()).isEqualTo("176.98.40.81");
            assertThat(f.serverPort()).isEqualTo(23);
            assertThat(f.state()).isEqualTo(TcpState.CLOSED);
            assertThat(f.serverFlags()).isEqualTo(PacketView.TCP_SYN | PacketView.TCP_ACK);
            assertThat(f.clientFlags()).isEqualTo(PacketView.TCP_SYN | PacketView.TCP_RST);
        });
    }

    @Test
    void jsonLinesWithNumbersAndIsoTimestamps() throws IOException {
        Read r = read("""
                {"ts":1664462456.755299,"uid":"C5x","id.orig_h":"172.16.1.11","id.orig_p":40042,"id.resp_h":"8.8.8.8","id.resp_p":53,"proto":"udp","duration":0.012166976928710938,"conn_state":"SHR","history":"Cd","orig_pkts":0,"orig_ip_bytes":0,"resp_pkts":1,"resp_ip_bytes":139}
                {"ts":"2022-09-29T14:40:56.5Z","id.orig_h":"2001:db8::1","id.orig_p":1,"id.resp_h":"2001:db8::2","id.resp_p":22,"proto":"tcp","history":"ShAD","tunnel_parents":["x"]}
                """);
        assertThat(r.stats().skippedTotal()).as(r.stats().examples().toString()).isZero();
        assertThat(r.flows()).hasSize(2);
        assertThat(r.flows().get(0).startNanos()).isEqualTo(1_664_462_456_755_299_000L);
        assertThat(r.flows().get(0).endNanos() - r.flows().get(0).startNanos()).isEqualTo(12_166_976L);
        assertThat(r.flows().get(0).serverBytes()).isEqualTo(139);
        assertThat(r.flows().get(1).ipVersion()).isEqualTo(6);
        assertThat(r.flows().get(1).startNanos()).isEqualTo(1_664_462_456_500_000_000L);
        assertThat(r.flows().get(1).state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void badLinesAreCountedWithReasonsAndLineNumbers() throws IOException {
        String text = header("tunnel_parents")
                + DATA.replace("1547127292.857808", "yesterday") + "\n"                 // line 7
                + DATA.replace("192.168.1.197", "camera.local") + "\n"                 // 8
                + DATA.replace("\t58316\t", "\t70000\t") + "\n"                        // 9
                + "1547127292.8\tC\t10.0.0.1\n"                                         // 10: too few fields
                + DATA.replace("\ttcp\t", "\tsctp\t") + "\n"                           // 11
                + "{\"ts\": [\n"                                                         // 12
                + "x".repeat(ZeekConnReader.MAX_LINE + 10) + "\n"                       // 13
                + DATA + "\n";
        Read r = read(text);
        assertThat(r.flows()).hasSize(1);
        assertThat(r.stats().skipped()).containsOnlyKeys("zeek.bad-ts", "zeek.bad-address", "zeek.bad-port",
                "zeek.bad-proto", "zeek.bad-json", "zeek.line-too-long");
        assertThat(r.stats().skippedTotal()).isEqualTo(7);
        assertThat(r.stats().examples()).hasSize(ZeekStats.MAX_EXAMPLES)
                .first().asString().isEqualTo("line 7: zeek.bad-ts (yesterday)");
        assertThat(r.stats().examples().get(3)).startsWith("line 10: zeek.bad-address");
    }

    @Test
    void aHeaderWithoutTheAddressesSkipsEveryLineSayingWhy() throws IOException {
        Read r = read("#fields\tts\tproto\n1547127292.8\ttcp\n");
        assertThat(r.flows()).isEmpty();
        assertThat(r.stats().examples()).containsExactly("line 2: zeek.missing-column (id.orig_h,id.resp_h)");
    }

    @Test
    void hostileBytesNeverThrow() throws IOException {
        java.util.Random random = new java.util.Random(4);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(3000)];
            random.nextBytes(junk);
            Read r = read(new ByteArrayInputStream((header("x") + new String(junk, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(r.flows()).isEmpty();
        }
    }

    /** Every real log: connections + skipped = data lines, and the expected ones have no skip at all. */
    @Test
    void theSharedRealLogsReadCompletely() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "skipped: real traffic folder " + TRAFFIC.toAbsolutePath() + " is absent");
        record Expect(String file, long connections) {
        }
        for (Expect e : List.of(new Expect("iot23-42-1-c2/conn.log.labeled", 4426),
                new Expect("iot23-hue-4-1/bro/conn.log.labeled", 452),
                new Expect("iot23-echo-5-1/bro/conn.log.labeled", 1374),
                new Expect("iot23-scans/conn.log.calibration_60_40.no34-1", 1234),
                new Expect("iot23-scans/conn.log.test_90_10.no34-1", 10995),
                new Expect("parser-fixtures/satori-conn.log.headerless", 6),
                new Expect("scan-nmap/conn.json.log", 4504),
                new Expect("victim-of-scans/008-zeek-mixed/data/conn.log.labeled", 5663))) {
            ZeekStats stats = new ZeekStats();
            try (ZeekConnReader r = ZeekConnReader.open(TRAFFIC.resolve(e.file()), stats)) {
                while (r.next()) {
                    assertThat(r.flow().clientPackets() + r.flow().serverPackets()).isNotNegative();
                }
            }
            System.out.println(e.file() + ": " + stats + " " + stats.examples());
            assertThat(stats.connections()).as(e.file() + " " + stats.examples()).isEqualTo(e.connections());
            assertThat(stats.skippedTotal()).as(e.file()).isZero();
        }
    }
}
