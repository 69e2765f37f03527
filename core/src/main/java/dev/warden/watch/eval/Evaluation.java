package dev.warden.watch.eval;

import dev.warden.watch.detect.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a run's alerts against a {@link Truth}. A {@link Alert.Role#SOURCE} alert is a true positive when its host
 * and kind match a truth window that covers its time (up to a grace period after the window's end, for detectors that
 * conclude when a flow ends); otherwise it is a false positive. {@link Alert.Role#VICTIM} alerts are neither: they are
 * listed apart. A window is detected when at least one alert matched it; its time to detect is the first matching
 * alert's time minus the window's start. Precision is true positives over alerts, recall detected windows over
 * windows, per kind and overall.
 *
 * <p>{@code anomaly} is the one unspecific kind (the device does something it never did while learning): an anomaly
 * alert inside any window of its host (with the grace) is a true positive, since whatever the host does in an attack
 * window is new, but it detects no window: every window still needs an alert of its own kind.
 */
public final class Evaluation {
    private static final String ANOMALY = "anomaly";

    private Evaluation() {
    }

    /** How one truth window fared. {@code firstAlertNanos} is meaningful only when {@code alerts > 0}. */
    public record WindowResult(TruthWindow window, long alerts, long firstAlertNanos) {
        public boolean detected() {
            return alerts > 0;
        }

        /** First matching alert time minus the window start, in nanoseconds; -1 when not detected. */
        public long timeToDetectNanos() {
            return detected() ? firstAlertNanos - window.startNanos() : -1;
        }
    }

    /** The figures for one kind (or all kinds). Precision and recall are NaN when undefined (nothing to divide by). */
    public record Score(String kind, long windows, long detected, long truePositives, long falsePositives) {
        public double precision() {
            long alerts = truePositives + falsePositives;
            return alerts == 0 ? Double.NaN : (double) truePositives / alerts;
        }

        public double recall() {
            return windows == 0 ? Double.NaN : (double) detected / windows;
        }

        Score plus(Score o) {
            return new Score(kind, windows + o.windows, detected + o.detected, truePositives + o.truePositives,
                    falsePositives + o.falsePositives);
        }
    }

    /** Everything the evaluation found; {@code byKind} is sorted by kind. */
    public record Result(List<WindowResult> windows, List<Alert> falsePositives, List<Alert> victims,
                         Map<String, Score> byKind, Score overall) {
    }

    /** Scores {@code alerts} against {@code truth}; {@code graceNanos} extends every window's end for matching. */
    public static Result score(Truth truth, List<Alert> alerts, long graceNanos) {
        List<TruthWindow> ws = truth.windows();
        long[] counts = new long[ws.size()];
        long[] first = new long[ws.size()];
        List<Alert> falsePositives = new ArrayList<>();
        List<Alert> victims = new ArrayList<>();
        Map<String, Score> byKind = new TreeMap<>();
        for (Alert a : alerts) {
            if (a.role() == Alert.Role.VICTIM) {
                victims.add(a);
                continue;
            }
            boolean matched = false;
            for (int i = 0; i < ws.size(); i++) {
                TruthWindow w = ws.get(i);
                if (w.host().equals(a.host()) && w.kind().equals(a.kind()) && w.covers(a.tsNanos(), graceNanos)) {
                    first[i] = counts[i] == 0 ? a.tsNanos() : Math.min(first[i], a.tsNanos());
                    counts[i]++;
                    matched = true;
                }
            }
            if (!matched && a.kind().equals(ANOMALY)) {
                matched = ws.stream().anyMatch(w -> w.host().equals(a.host()) && w.covers(a.tsNanos(), graceNanos));
            }
            if (!matched) {
                falsePositives.add(a);
            }
            byKind.merge(a.kind(), new Score(a.kind(), 0, 0, matched ? 1 : 0, matched ? 0 : 1), Score::plus);
        }
        List<WindowResult> results = new ArrayList<>();
        for (int i = 0; i < ws.size(); i++) {
            TruthWindow w = ws.get(i);
            results.add(new WindowResult(w, counts[i], first[i]));
            byKind.merge(w.kind(), new Score(w.kind(), 1, counts[i] > 0 ? 1 : 0, 0, 0), Score::plus);
        }
        Score overall = new Score("all", 0, 0, 0, 0);
        for (Score s : byKind.values()) {
            overall = overall.plus(s);
        }
        return new Result(List.copyOf(results), List.copyOf(falsePositives), List.copyOf(victims), byKind, overall);
    }
}
