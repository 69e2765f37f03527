package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code warden lab traffic}, {@code warden eval}, {@code warden watch} storing its alerts and {@code warden incidents},
 * end to end on the demo's synthetic capture (a scan, IRC C2 and a SYN flood from 192.168.50.13).
 */
class TrafficEvalCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOT = "192.168.50.13";

    @TempDir
    Path tmp;
    Path home;
    Path capture;
    Path truth;

    @BeforeEach
    void synthesize() {
        home = tmp.resolve("home");
        capture = tmp.resolve("demo.synthetic.pcapng");
        Run r = MainTest.run("lab", "traffic", "--home", home.toString(), "--out", capture.toString(),
                "--truth", tmp.resolve("copy.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        truth = tmp.resolve("demo.synthetic.truth.json");
        assertThat(r.out()).contains("synthetic").contains(truth.toString()).contains("syn-flood");
        assertThat(tmp.resolve("copy.json")).hasSameTextualContentAs(truth);
    }

    private static List<JsonNode> lines(String out) {
        return out.lines().map(JSON::readTree).toList();
    }

    @Test
    void badNamesAndPhasesAreBadInput() {
        Run r = MainTest.run("lab", "traffic", "--home", home.toString(), "--out", tmp.resolve("x.pcap").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains(".synthetic.pcapng");
        r = MainTest.run("lab", "traffic", "--home", home.toString(), "--out", capture.toString(), "--phases", "scan,worm");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("unknown phase 'worm'");
    }

    @Test
    void evalRunsTheDetectorsOverTheCapture() {
        Run r = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--pcap",
                capture.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        JsonNode scan = out.stream().filter(n -> n.get("record").asString().equals("window")
                && n.get("kind").asString().equals("scan")).findFirst().orElseThrow();
        assertThat(scan.get("host").asString()).isEqualTo(BOT);
        assertThat(scan.get("detected").asBoolean()).isTrue();
        assertThat(scan.get("time_to_detect_s").asDouble()).isBetween(0.0, 5.0);
        JsonNode overall = out.stream().filter(n -> n.get("record").asString().equals("overall")).findFirst().orElseThrow();
        assertThat(overall.get("windows").asLong()).isEqualTo(3);
        assertThat(out).as("no alert on the cameras' ordinary traffic")
                .noneMatch(n -> n.get("record").asString().equals("false_positive"));

        Run text = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--pcap",
                capture.toString());
        assertThat(text.out()).contains("Truth of a SYNTHETIC capture (demo.synthetic.pcapng)", "TIME TO DETECT",
                "PRECISION", "False positives: 0");
    }

    /**
     * All eleven phases, scored with the documented learning-period override for short captures
     * (docs/truth/short-learning): every phase detected, no false positive. Prints the time to detect of each.
     */
    @Test
    void everyPhaseIsDetectedWithTheShortLearningOverride() {
        Path all = tmp.resolve("all.synthetic.pcapng");
        Run r = MainTest.run("lab", "traffic", "--home", home.toString(), "--out", all.toString(), "--phases",
                "scan,brute-force,c2,syn-flood,ack-flood,udp-flood,gre-flood,http-flood,dns-water-torture,"
                        + "exfiltration,lateral-movement");
        assertThat(r.code()).as(r.err()).isZero();
        r = MainTest.run("eval", "--home", home.toString(), "--truth", tmp.resolve("all.synthetic.truth.json").toString(),
                "--pcap", all.toString(), "--rules", Path.of("../docs/truth/short-learning").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        List<JsonNode> windows = out.stream().filter(n -> n.get("record").asString().equals("window")).toList();
        windows.forEach(w -> System.out.printf("synthetic %-18s detected %-5s time to detect %s s%n",
                w.get("kind").asString(), w.get("detected").asBoolean(), w.get("time_to_detect_s")));
        assertThat(windows).hasSize(11).allMatch(w -> w.get("detected").asBoolean());
        assertThat(out).noneMatch(n -> n.get("record").asString().equals("false_positive"));

        Run shipped = MainTest.run("eval", "--home", home.toString(), "--truth",
                tmp.resolve("all.synthetic.truth.json").toString(), "--pcap", all.toString(), "--json");
        assertThat(lines(shipped.out())).as("with the shipped 24 h learning period the behaviour detectors still learn")
                .filteredOn(n -> n.get("record").asString().equals("window") && !n.get("detected").asBoolean())
                .extracting(n -> n.get("kind").asString()).containsExactlyInAnyOrder("exfiltration", "lateral-movement");
    }

    @Test
    void evalReadsZeekLogsAndRefusesDetectorOptionsWithAlerts() throws IOException {
        Path log = tmp.resolve("conn.log");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            // telnet SYNs to 80 addresses within the demo truth's scan window (from 10:01:20)
            b.append(String.format("%d.0\tC%d\t%s\t%d\t203.0.113.%d\t23\ttcp\t-\t-\t-\t-\tS0\t-\t-\t0\tS\t1\t60"
                    + "\t0\t0\t-%n", 1_767_607_281 + i / 10, i, BOT, 40_000 + i, i + 1));
        }
        Files.writeString(log, b);
        Run r = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--zeek", log.toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.out())).filteredOn(n -> n.get("record").asString().equals("window")
                && n.get("kind").asString().equals("scan")).singleElement()
                .satisfies(n -> assertThat(n.get("detected").asBoolean()).isTrue());
        Run only = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--zeek",
                log.toString(), "--json", "--detectors", "c2-irc");
        assertThat(lines(only.out())).noneMatch(n -> n.get("record").asString().equals("window")
                && n.get("detected").asBoolean());
        Run bad = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--alerts",
                log.toString(), "--local", "10.0.0.0/8");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(bad.err()).contains("apply to --pcap and --zeek");
    }

    @Test
    void evalScoresAlertLinesExactly() throws IOException {
        Path alerts = tmp.resolve("alerts.jsonl");
        Files.writeString(alerts, String.join("\n",
                "{\"ts\":\"2026-01-05T10:01:22Z\",\"host\":\"" + BOT + "\",\"kind\":\"scan\",\"severity\":\"high\"}",
                "{\"ts\":\"2026-01-05T10:01:25Z\",\"host\":\"" + BOT + "\",\"kind\":\"c2\",\"severity\":\"high\"}",
                "{\"ts\":\"2026-01-05T10:01:30Z\",\"host\":\"192.168.50.11\",\"kind\":\"scan\",\"severity\":\"high\"}",
                "{\"ts\":\"2026-01-05T10:02:00Z\",\"host\":\"192.168.50.1\",\"kind\":\"syn-flood\",\"severity\":\"low\",\"role\":\"victim\"}"));
        Run r = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--alerts",
                alerts.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        // windows: c2 from 10:01:00, scan from 10:01:20, syn-flood from 10:02:10
        assertThat(out.get(0).get("kind").asString()).isEqualTo("c2");
        assertThat(out.get(0).get("time_to_detect_s").asDouble()).isEqualTo(25.0);
        assertThat(out.get(1).get("time_to_detect_s").asDouble()).isEqualTo(2.0);
        assertThat(out.get(2).get("detected").asBoolean()).isFalse();
        JsonNode overall = out.stream().filter(n -> n.get("record").asString().equals("overall")).findFirst().orElseThrow();
        assertThat(overall.get("true_positives").asLong()).isEqualTo(2);
        assertThat(overall.get("false_positives").asLong()).isEqualTo(1);
        assertThat(overall.get("precision").asDouble()).isEqualTo(2.0 / 3);
        assertThat(overall.get("recall").asDouble()).isEqualTo(2.0 / 3);
        assertThat(out).filteredOn(n -> n.get("record").asString().equals("victim")).singleElement()
                .satisfies(n -> assertThat(n.get("host").asString()).isEqualTo("192.168.50.1"));
    }

    @Test
    void aBrokenTruthOrAlertsFileIsBadInput() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"hosts\": {\"h\": [{\"kind\": \"scan\"}]}}");
        Run r = MainTest.run("eval", "--home", home.toString(), "--truth", bad.toString(), "--pcap", capture.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("hosts.h[0].start");
        Path alerts = tmp.resolve("a.jsonl");
        Files.writeString(alerts, "not json\n");
        r = MainTest.run("eval", "--home", home.toString(), "--truth", truth.toString(), "--alerts", alerts.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("a.jsonl:1: not JSON");
    }

    @Test
    void watchStoresItsAlertsAndIncidentsListsThem() {
        Run w = MainTest.run("watch", "--home", home.toString(), "--pcap", capture.toString());
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).containsPattern("[1-9]\\d* new alerts stored in jdbc:sqlite:");
        Run again = MainTest.run("watch", "--home", home.toString(), "--pcap", capture.toString());
        assertThat(again.out()).contains("0 new alerts stored");

        Run i = MainTest.run("incidents", "--home", home.toString(), "--json");
        assertThat(i.code()).as(i.err()).isZero();
        assertThat(lines(i.out())).singleElement().satisfies(n -> {
            assertThat(n.get("host").asString()).isEqualTo(BOT);
            assertThat(n.get("status").asString()).isEqualTo("open");
            // The demo's phases from one camera: C2 from 10:01:00, then the scan and the SYN flood it ordered.
            assertThat(n.get("kinds").toString()).contains("c2").contains("scan").contains("syn-flood");
            assertThat(n.get("first_seen").asString()).startsWith("2026-01-05T10:01:0");
        });
        assertThat(MainTest.run("incidents", "--home", home.toString(), "--host", "192.168.50.11").out())
                .contains("No incidents for 192.168.50.11");
        assertThat(MainTest.run("incidents", "--home", home.toString()).out()).contains("FIRST SEEN", BOT, "open");
    }

    @Test
    void noStoreLeavesTheStoreAlone() {
        Run w = MainTest.run("watch", "--home", home.toString(), "--pcap", capture.toString(), "--no-store");
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).doesNotContain("stored");
        assertThat(MainTest.run("incidents", "--home", home.toString(), "--json").out()).isEmpty();
    }
}
