package dev.warden.watch.detect.c2;

import dev.warden.model.Severity;
import dev.warden.watch.detect.Alert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@code c2} alerts of this package the same way: evidence starts with the signal's name and the counts
 * carry {@code signal_<name>: 1} first, so a reader of JSON or of the text sees which signal fired without parsing.
 */
final class C2Alert {
    /** The alert kind every detector here raises. */
    static final String KIND = "c2";

    private C2Alert() {
    }

    static Alert of(long tsNanos, String host, Severity severity, String signal, List<String> peers, String evidence,
                    Map<String, Long> counts) {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("signal_" + signal.replace('-', '_').toLowerCase(Locale.ROOT), 1L);
        all.putAll(counts);
        return new Alert(tsNanos, host, KIND, severity, peers, signal + ": " + evidence, all);
    }
}
