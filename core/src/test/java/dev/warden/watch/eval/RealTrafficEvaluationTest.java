package dev.warden.watch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RuleSource;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import dev.warden.watch.replay.ZeekReplay;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's acceptance on the real data: every dataset under the shared traffic folder (never copied into the
 * repository) through the whole pipeline with the shipped rules, in each input form it exists in (pcap, Zeek
 * conn.log), each file on its own, scored against its truth file in {@code docs/truth} (derived from the traffic, see
 * each file's {@code derivation}). Asserts every truth window detected (recall 1.0), no false positive, and no source
 * alert about a victim. Prints the per-dataset table that {@code docs/detection.md} reports. The truth files name
 * their inputs ({@code inputs}: form and a path or glob relative to the traffic folder) and, where the watched
 * network is not the private ranges, {@code local}. Skips when the traffic folder is absent.
 */
class RealTrafficEvaluationTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final Path TRUTHS = Path.of("../docs/truth");
    /** As warden eval's default: flow-based detectors conclude when a flow ends. */
    private static final long GRACE_NANOS = 300 * 1_000_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One input file of a dataset, scored on its own. */
    private record Run(String dataset, String form, Path file, Truth truth, Set<String> victims,
                       Evaluation.Result result) {
    }

    @Test
    void everyRealDatasetMeetsItsTruth() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "real traffic folder " + TRAFFIC.toAbsolutePath() + " is absent");
        List<Path> truthFiles;
        try (Stream<Path> s = Files.list(TRUTHS)) {
            truthFiles = s.filter(p -> p.toString().endsWith(".truth.json")).sorted().toList();
        }
        assertThat(truthFiles).hasSizeGreaterThanOrEqualTo(11);
        List<Run> runs = new ArrayList<>();
        for (Path t : truthFiles) {
            runs.addAll(evaluate(t));
        }
        print(runs);
        for (Run r : runs) {
            String what = r.dataset() + " " + TRAFFIC.relativize(r.file());
            assertThat(r.result().windows()).as(what + ": windows detected")
                    .allMatch(Evaluation.WindowResult::detected);
            assertThat(r.result().falsePositives()).as(what + ": false positives").isEmpty();
            assertThat(r.result().windows()).as(what + ": truth windows").hasSize(r.truth().windows().size());
        }
        // Every infected host of the real data, in every form it exists in, was among the runs.
        assertThat(runs.stream().filter(r -> !r.truth().windows().isEmpty()).map(r -> r.dataset() + "/" + r.form()))
                .contains("iot23-42-1-c2/pcap", "iot23-42-1-c2/zeek", "iot23-3-1-c2/pcap", "iot23-scans/zeek",
                        "iot23-scans-calibration/zeek", "scan-nmap/zeek");
    }

    private static List<Run> evaluate(Path truthFile) throws IOException {
        byte[] bytes = Files.readAllBytes(truthFile);
        Truth truth = Truth.parse(truthFile.toString(), bytes);
        JsonNode root = JSON.readTree(bytes);
        String dataset = truthFile.getFileName().toString().replace(".truth.json", "");
        Set<String> victims = new TreeSet<>();
        root.path("victims").forEach(v -> victims.add(v.asString()));
        List<String> local = new ArrayList<>();
        root.path("local").forEach(v -> local.add(v.asString()));
        assertThat(root.path("derivation").asString()).as(dataset + ": derivation").isNotBlank();
        List<Run> runs = new ArrayList<>();
        for (JsonNode input : root.path("inputs")) {
            String form = input.path("form").asString();
            List<Path> files = glob(input.path("path").asString());
            assertThat(files).as(dataset + ": files of " + input).isNotEmpty();
            for (Path f : files) {
                List<Alert> alerts = replay(form, f, local);
                runs.add(new Run(dataset, form, f, truth, victims, Evaluation.score(truth, alerts, GRACE_NANOS)));
                assertThat(alerts).as(dataset + " " + f + ": no source alert about a victim")
                        .noneMatch(a -> a.role() == Alert.Role.SOURCE && victims.contains(a.host()));
            }
        }
        assertThat(runs).as(dataset + ": inputs").isNotEmpty();
        return runs;
    }

    private static List<Alert> replay(String form, Path file, List<String> local) throws IOException {
        RuleSource rules = RuleSource.classpath();
        DetectorContext context = new DetectorContext(rules,
                local.isEmpty() ? LocalNetworks.load(rules) : LocalNetworks.of(local));
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(context), FlowTable.Config.defaults(), alerts::add);
        switch (form) {
            case "pcap" -> assertThat(PcapReplay.run(file, pipeline).packets()).as(file + ": packets").isPositive();
            case "zeek" -> assertThat(ZeekReplay.run(file, pipeline).connections()).as(file + ": flows").isPositive();
            default -> throw new AssertionError(file + ": unknown input form " + form);
        }
        return alerts;
    }

    /** The files under the traffic folder matching {@code pattern} (a glob relative to it), sorted. */
    private static List<Path> glob(String pattern) throws IOException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> s = Files.walk(TRAFFIC)) {
            return s.filter(Files::isRegularFile).filter(p -> m.matches(TRAFFIC.relativize(p))).sorted().toList();
        }
    }

    /** One line per input file: host, kinds expected and alerted, windows detected, time to detect, FPs, victims. */
    private static void print(List<Run> runs) {
        System.out.printf("%-24s %-5s %-46s %-14s %-18s %-18s %-7s %-16s %-3s %s%n", "DATASET", "FORM", "FILE",
                "HOST", "EXPECTED", "ALERTED", "WINDOWS", "TTD", "FP", "VICTIM ALERTS");
        for (Run r : runs) {
            Set<String> hosts = new TreeSet<>();
            r.truth().windows().forEach(w -> hosts.add(w.host()));
            String file = TRAFFIC.relativize(r.file()).toString();
            if (hosts.isEmpty()) {
                System.out.printf("%-24s %-5s %-46s %-14s %-18s %-18s %-7s %-16s %-3d %s%n", r.dataset(), r.form(),
                        file, "-", "-", "-", "-", "-", r.result().falsePositives().size(), victims(r));
            }
            for (String h : hosts) {
                List<Evaluation.WindowResult> ws = r.result().windows().stream()
                        .filter(w -> w.window().host().equals(h)).toList();
                Set<String> expected = new TreeSet<>();
                Set<String> ttd = new TreeSet<>();
                ws.forEach(w -> expected.add(w.window().kind()));
                ws.stream().filter(Evaluation.WindowResult::detected)
                        .forEach(w -> ttd.add(String.format("%.1f s", w.timeToDetectNanos() / 1e9)));
                long detected = ws.stream().filter(Evaluation.WindowResult::detected).count();
                System.out.printf("%-24s %-5s %-46s %-14s %-18s %-18s %-7s %-16s %-3d %s%n", r.dataset(), r.form(),
                        file, h, String.join(",", expected), String.join(",", alerted(r, h)),
                        detected + "/" + ws.size(), String.join(",", ttd), r.result().falsePositives().size(),
                        victims(r));
            }
        }
    }

    private static Set<String> alerted(Run r, String host) {
        Set<String> kinds = new TreeSet<>();
        r.result().windows().stream().filter(w -> w.window().host().equals(host) && w.detected())
                .forEach(w -> kinds.add(w.window().kind()));
        r.result().falsePositives().stream().filter(a -> a.host().equals(host)).forEach(a -> kinds.add(a.kind()));
        return kinds;
    }

    private static String victims(Run r) {
        Set<String> v = new TreeSet<>();
        r.result().victims().forEach(a -> v.add(a.host() + " " + a.kind()));
        return v.isEmpty() ? "-" : String.join(",", v);
    }
}
