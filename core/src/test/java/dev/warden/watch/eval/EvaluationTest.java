package dev.warden.watch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.model.Severity;
import dev.warden.watch.detect.Alert;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Truth files parse and round-trip; the scoring gives exact figures on hand-made alerts. */
class EvaluationTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_767_607_200L * S; // 2026-01-05T10:00:00Z

    private static final String TRUTH = """
            {"capture": "x.pcap", "hosts": {
              "10.0.0.5": [
                {"kind": "scan", "start": "2026-01-05T10:01:00Z", "end": "2026-01-05T10:02:00Z"},
                {"kind": "syn-flood", "start": "2026-01-05T10:05:00Z", "end": "2026-01-05T10:05:20Z", "note": "ordered"}
              ],
              "10.0.0.6": [
                {"kind": "scan", "start": "2026-01-05T10:03:00Z", "end": "2026-01-05T10:03:30Z"}
              ]}}
            """;

    private static Alert alert(long secondsAfterT0, String host, String kind, Alert.Role role) {
        return new Alert(T0 + secondsAfterT0 * S, host, kind, Severity.HIGH, List.of(), "", Map.of(), role);
    }

    private static Alert alert(long secondsAfterT0, String host, String kind) {
        return alert(secondsAfterT0, host, kind, Alert.Role.SOURCE);
    }

    @Test
    void scoresWindowsAlertsAndKindsExactly() {
        Truth truth = Truth.parse("t.json", TRUTH.getBytes(StandardCharsets.UTF_8));
        List<Alert> alerts = List.of(
                alert(75, "10.0.0.5", "scan"),          // TP, 15 s after the scan window opened
                alert(90, "10.0.0.5", "scan"),          // TP, same window
                alert(330, "10.0.0.5", "syn-flood"),    // TP, 10 s after the window's end: within the grace
                alert(400, "10.0.0.5", "syn-flood"),    // FP: 80 s after the end
                alert(100, "10.0.0.7", "scan"),         // FP: a host with no truth
                alert(200, "10.0.0.6", "c2"),           // FP: a kind the host has no window of
                alert(190, "10.0.0.6", "scan", Alert.Role.VICTIM)); // neither: a victim
        Evaluation.Result r = Evaluation.score(truth, alerts, 30 * S);

        assertThat(r.windows()).hasSize(3);
        Evaluation.WindowResult scan5 = r.windows().get(0);
        assertThat(scan5.window().host()).isEqualTo("10.0.0.5");
        assertThat(scan5.alerts()).isEqualTo(2);
        assertThat(scan5.timeToDetectNanos()).isEqualTo(15 * S);
        Evaluation.WindowResult scan6 = r.windows().get(1);
        assertThat(scan6.detected()).isFalse();
        assertThat(scan6.timeToDetectNanos()).isEqualTo(-1);
        Evaluation.WindowResult flood = r.windows().get(2);
        assertThat(flood.timeToDetectNanos()).isEqualTo(30 * S);
        assertThat(flood.window().note()).isEqualTo("ordered");

        assertThat(r.falsePositives()).extracting(Alert::host).containsExactly("10.0.0.5", "10.0.0.7", "10.0.0.6");
        assertThat(r.victims()).extracting(Alert::host).containsExactly("10.0.0.6");

        Evaluation.Score scan = r.byKind().get("scan");
        assertThat(scan).isEqualTo(new Evaluation.Score("scan", 2, 1, 2, 1));
        assertThat(scan.precision()).isEqualTo(2.0 / 3);
        assertThat(scan.recall()).isEqualTo(0.5);
        assertThat(r.byKind().get("syn-flood")).isEqualTo(new Evaluation.Score("syn-flood", 1, 1, 1, 1));
        Evaluation.Score c2 = r.byKind().get("c2");
        assertThat(c2.precision()).isZero();
        assertThat(c2.recall()).isNaN();
        assertThat(r.byKind().keySet()).containsExactly("c2", "scan", "syn-flood");
        assertThat(r.overall()).isEqualTo(new Evaluation.Score("all", 3, 2, 3, 3));
        assertThat(r.overall().precision()).isEqualTo(0.5);
        assertThat(r.overall().recall()).isEqualTo(2.0 / 3);
    }

    @Test
    void anAnomalyInsideAnyWindowOfItsHostIsTrueButDetectsNoWindow() {
        Truth truth = Truth.parse("t.json", TRUTH.getBytes(StandardCharsets.UTF_8));
        Evaluation.Result r = Evaluation.score(truth, List.of(
                alert(65, "10.0.0.5", "anomaly"),        // TP: inside 10.0.0.5's scan window
                alert(250, "10.0.0.5", "anomaly"),       // FP: between its windows
                alert(185, "10.0.0.7", "anomaly")), 0);  // FP: a host with no truth
        assertThat(r.byKind().get("anomaly")).isEqualTo(new Evaluation.Score("anomaly", 0, 0, 1, 2));
        assertThat(r.windows()).noneMatch(Evaluation.WindowResult::detected);
        assertThat(r.falsePositives()).extracting(Alert::host).containsExactly("10.0.0.5", "10.0.0.7");
    }

    @Test
    void noAlertsMeansUndefinedPrecisionAndZeroRecall() {
        Truth truth = Truth.parse("t.json", TRUTH.getBytes(StandardCharsets.UTF_8));
        Evaluation.Result r = Evaluation.score(truth, List.of(), 0);
        assertThat(r.overall().precision()).isNaN();
        assertThat(r.overall().recall()).isZero();
    }

    @Test
    void theTruthFileRoundTrips() {
        Truth truth = Truth.parse("t.json", TRUTH.getBytes(StandardCharsets.UTF_8));
        assertThat(truth.synthetic()).isFalse();
        assertThat(truth.capture()).isEqualTo("x.pcap");
        assertThat(Truth.parse("again", truth.toJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(truth);
    }

    @Test
    void aBadTruthFileNamesFileAndField() {
        assertThatThrownBy(() -> parse("{\"hosts\": {\"10.0.0.5\": [{\"kind\": \"worm\", \"start\": \"2026-01-05T10:00:00Z\","
                + " \"end\": \"2026-01-05T10:00:01Z\"}]}}"))
                .isInstanceOf(TruthException.class).hasMessageContaining("t.json: hosts.10.0.0.5[0].kind: unknown kind 'worm'");
        assertThatThrownBy(() -> parse("{\"hosts\": {\"h\": [{\"kind\": \"scan\", \"start\": \"yesterday\", \"end\": \"x\"}]}}"))
                .isInstanceOf(TruthException.class).hasMessageContaining("hosts.h[0].start: not an ISO-8601 instant");
        assertThatThrownBy(() -> parse("{\"hosts\": {\"h\": [{\"kind\": \"scan\", \"start\": \"2026-01-05T10:00:02Z\","
                + " \"end\": \"2026-01-05T10:00:01Z\"}]}}"))
                .isInstanceOf(TruthException.class).hasMessageContaining("hosts.h[0].end: before start");
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(TruthException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> parse("{\"hosts\": 3}")).isInstanceOf(TruthException.class).hasMessageContaining("hosts:");
        assertThatThrownBy(() -> parse("{nope")).isInstanceOf(TruthException.class).hasMessageContaining("not JSON");
    }

    @Test
    void alertLinesReadWatchOutputAndRejectBrokenLines() throws IOException {
        String lines = """
                {"ts":"2026-01-05T10:01:15Z","host":"10.0.0.5","kind":"scan","severity":"high","peers":["1.2.3.4"],"evidence":"e","counts":{"targets":64},"role":"source"}

                {"ts":"2026-01-05T10:03:10Z","host":"10.0.0.6","kind":"scan","severity":"low","role":"victim"}
                """;
        List<Alert> alerts = AlertLines.read("a.jsonl", new BufferedReader(new StringReader(lines)), 10);
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).tsNanos()).isEqualTo(T0 + 75 * S);
        assertThat(alerts.get(0).counts()).containsEntry("targets", 64L);
        assertThat(alerts.get(1).role()).isEqualTo(Alert.Role.VICTIM);
        assertThatThrownBy(() -> AlertLines.read("a.jsonl", new BufferedReader(new StringReader("{\"ts\":\"x\",\"host\":\"h\",\"kind\":\"scan\"}")), 10))
                .isInstanceOf(TruthException.class).hasMessageContaining("a.jsonl:1: ts");
        assertThatThrownBy(() -> AlertLines.read("a.jsonl", new BufferedReader(new StringReader(lines)), 1))
                .isInstanceOf(TruthException.class).hasMessageContaining("more than 1 alerts");
    }

    private static Truth parse(String json) {
        return Truth.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
