package dev.warden.watch.eval;

import dev.warden.model.Severity;
import dev.warden.watch.detect.Alert;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the alerts {@code warden watch --json} printed (one object per line: ts, host, kind, severity, peers,
 * evidence, counts, role), so a run can be scored later or by another machine. Blank lines are skipped; a line that
 * is not such an object is an error naming the line.
 */
public final class AlertLines {
    /** Longest line accepted. */
    public static final int MAX_LINE = 1 << 20;

    private AlertLines() {
    }

    /** Reads at most {@code maxAlerts} alerts; {@code name} is used in error messages. */
    public static List<Alert> read(String name, BufferedReader in, int maxAlerts) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                throw new TruthException(name + ":" + n + ": line longer than " + MAX_LINE + " characters");
            }
            if (alerts.size() >= maxAlerts) {
                throw new TruthException(name + ": more than " + maxAlerts + " alerts");
            }
            alerts.add(parse(name + ":" + n, line));
        }
        return alerts;
    }

    /** One alert line; {@code where} names it in errors. */
    public static Alert parse(String where, String line) {
        JsonNode o = Truth.tree(where, line.getBytes(StandardCharsets.UTF_8));
        if (o == null || !o.isObject()) {
            throw new TruthException(where + ": expected one JSON object per line");
        }
        try {
            long nanos = Truth.nanos(where + ": ts", text(where, o, "ts"));
            List<String> peers = new ArrayList<>();
            JsonNode p = o.get("peers");
            if (p != null && p.isArray()) {
                p.forEach(x -> peers.add(x.asString()));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            JsonNode c = o.get("counts");
            if (c != null && c.isObject()) {
                c.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
            }
            JsonNode ev = o.get("evidence");
            JsonNode sev = o.get("severity");
            JsonNode role = o.get("role");
            return new Alert(nanos, text(where, o, "host"), text(where, o, "kind"),
                    sev == null ? Severity.INFO : Severity.fromWire(sev.asString()), peers,
                    ev == null ? "" : ev.asString(), counts,
                    role != null && "victim".equals(role.asString()) ? Alert.Role.VICTIM : Alert.Role.SOURCE);
        } catch (IllegalArgumentException e) {
            throw new TruthException(where + ": " + e.getMessage());
        }
    }

    private static String text(String where, JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isString()) {
            throw new TruthException(where + ": " + field + ": missing or not a string");
        }
        return v.asString();
    }
}
