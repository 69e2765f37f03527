package dev.warden.cli;

import dev.warden.watch.detect.Alert;
import dev.warden.watch.eval.AlertLines;
import dev.warden.watch.eval.Evaluation;
import dev.warden.watch.eval.Truth;
import dev.warden.watch.eval.TruthException;
import dev.warden.watch.eval.TruthWindow;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden eval}: how well the detectors did on a capture whose truth is known. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores watch's alerts against a truth file (JSON: per host, its attack windows: kind, start, end;",
            "the format is documented in dev.warden.watch.eval.Truth and written by warden lab traffic). Runs the detectors",
            "over --pcap or --zeek (with --rules, --local and --detectors as warden watch has them), or reads the alerts",
            "a watch --json run printed (--alerts). Prints per window whether it was detected and how fast, the false",
            "positives (victim alerts listed apart, not counted), and precision and recall per kind and overall."})
final class EvalCommand implements Callable<Integer> {
    /** Largest alerts file read. */
    private static final long MAX_ALERTS_BYTES = 256L << 20;
    private static final int MAX_ALERTS = 1_000_000;
    private static final long S = 1_000_000_000L;

    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The truth file (JSON).")
    Path truthFile;

    static final class Input {
        @Option(names = "--pcap", paramLabel = "FILE", description = "Run the detectors over this capture (pcap or pcapng).")
        Path pcap;

        @Option(names = "--zeek", paramLabel = "FILE", description = "Run the detectors over this Zeek conn.log (TSV, "
                + "JSON lines, IoT-23, plain header or none).")
        Path zeek;

        @Option(names = "--alerts", paramLabel = "FILE", description = "Alerts as warden watch --json printed them.")
        Path alerts;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Mixin
    DetectorOptions detectors;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "300",
            description = "An alert up to this long after a window's end still counts for it: flow-based detectors "
                    + "conclude when a flow ends, at the latest the flow table's active timeout (default ${DEFAULT-VALUE}).")
    long graceSeconds;

    @Option(names = "--json", description = "One JSON object per line: windows, kinds, the overall score, false positives, victim alerts; field 'record' says which.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        home.open();
        PrintWriter out = spec.commandLine().getOut();
        if (graceSeconds < 0) {
            throw new BadInputException("--grace must not be negative");
        }
        Truth truth = truth();
        if (input.alerts != null && (detectors.rules != null || detectors.local != null || detectors.detectors != null)) {
            throw new BadInputException("--rules, --local and --detectors apply to --pcap and --zeek, not --alerts");
        }
        List<Alert> alerts = input.alerts != null ? alerts(input.alerts) : watch();
        Evaluation.Result r = Evaluation.score(truth, alerts, graceSeconds * S);
        if (json) {
            printJson(out, r);
        } else {
            printText(out, truth, r);
        }
        return ExitCode.OK;
    }

    private Truth truth() throws IOException {
        if (!Files.isRegularFile(truthFile)) {
            throw new BadInputException("no truth file " + truthFile);
        }
        if (Files.size(truthFile) > Truth.MAX_BYTES) {
            throw new BadInputException(truthFile + ": larger than " + Truth.MAX_BYTES + " bytes");
        }
        try {
            return Truth.parse(truthFile.toString(), Files.readAllBytes(truthFile));
        } catch (TruthException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private List<Alert> watch() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(detectors.create(), FlowTable.Config.defaults(), alerts::add);
        if (input.pcap != null) {
            FileReplays.pcap(input.pcap, pipeline);
        } else {
            FileReplays.zeek(input.zeek, pipeline);
        }
        return alerts;
    }

    private static List<Alert> alerts(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no alerts file " + file);
        }
        if (Files.size(file) > MAX_ALERTS_BYTES) {
            throw new BadInputException(file + ": larger than " + MAX_ALERTS_BYTES + " bytes");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return AlertLines.read(file.toString(), in, MAX_ALERTS);
        } catch (TruthException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static void printText(PrintWriter out, Truth truth, Evaluation.Result r) {
        if (truth.synthetic()) {
            out.println("Truth of a SYNTHETIC capture" + (truth.capture() == null ? "" : " (" + truth.capture() + ")"));
        }
        Table w = new Table("HOST", "KIND", "START", "END", "DETECTED", "TIME TO DETECT", "ALERTS");
        for (Evaluation.WindowResult x : r.windows()) {
            TruthWindow tw = x.window();
            w.row(tw.host(), tw.kind(), instant(tw.startNanos()), instant(tw.endNanos()), x.detected() ? "yes" : "NO",
                    x.detected() ? seconds(x.timeToDetectNanos()) : "-", x.alerts());
        }
        w.print(out);
        out.println();
        Table k = new Table("KIND", "WINDOWS", "DETECTED", "RECALL", "ALERTS", "TRUE", "FALSE", "PRECISION");
        List<Evaluation.Score> scores = new ArrayList<>(r.byKind().values());
        scores.add(r.overall());
        for (Evaluation.Score s : scores) {
            k.row(s.kind(), s.windows(), s.detected(), ratio(s.recall()), s.truePositives() + s.falsePositives(),
                    s.truePositives(), s.falsePositives(), ratio(s.precision()));
        }
        k.print(out);
        alertList(out, "False positives", r.falsePositives());
        alertList(out, "Victim alerts (not false positives: these hosts were scanned or flooded)", r.victims());
    }

    private static void alertList(PrintWriter out, String title, List<Alert> alerts) {
        out.printf("%n%s: %d%n", title, alerts.size());
        for (Alert a : alerts) {
            out.printf("  %s  %-17s %-15s %s%n", a.ts(), a.kind(), a.host(), a.evidence());
        }
    }

    private static void printJson(PrintWriter out, Evaluation.Result r) {
        for (Evaluation.WindowResult x : r.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", "window");
            m.put("host", x.window().host());
            m.put("kind", x.window().kind());
            m.put("start", instant(x.window().startNanos()));
            m.put("end", instant(x.window().endNanos()));
            m.put("detected", x.detected());
            m.put("time_to_detect_s", x.detected() ? x.timeToDetectNanos() / 1e9 : null);
            m.put("alerts", x.alerts());
            out.println(JsonLines.write(m));
        }
        for (Evaluation.Score s : r.byKind().values()) {
            out.println(JsonLines.write(score("kind", s)));
        }
        out.println(JsonLines.write(score("overall", r.overall())));
        for (Alert a : r.falsePositives()) {
            out.println(JsonLines.write(tagged("false_positive", a)));
        }
        for (Alert a : r.victims()) {
            out.println(JsonLines.write(tagged("victim", a)));
        }
    }

    private static Map<String, Object> score(String record, Evaluation.Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", record);
        m.put("kind", s.kind());
        m.put("windows", s.windows());
        m.put("detected", s.detected());
        m.put("recall", Double.isNaN(s.recall()) ? null : s.recall());
        m.put("true_positives", s.truePositives());
        m.put("false_positives", s.falsePositives());
        m.put("precision", Double.isNaN(s.precision()) ? null : s.precision());
        return m;
    }

    private static Map<String, Object> tagged(String record, Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record", record);
        m.putAll(WatchCommand.alert(a));
        return m;
    }

    private static String instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos).toString();
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f", v);
    }
}
