package dev.warden.watch.eval;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What really happened in a capture: per host, its attack windows. Written by hand for a real capture (derived from
 * the traffic, not from a dataset's labels) or by {@code warden lab traffic} beside a synthetic one. The file is JSON:
 * <pre>
 * {
 *   "capture": "demo.synthetic.pcapng",          optional: the capture it describes
 *   "synthetic": true,                           optional, default false: the capture was generated
 *   "hosts": {
 *     "192.168.50.12": [
 *       {"kind": "scan", "start": "2026-01-05T10:01:00Z", "end": "2026-01-05T10:01:30Z", "note": "optional text"}
 *     ]
 *   }
 * }
 * </pre>
 * Hosts are the infected devices (the sources of the behaviour); {@code kind} is one of {@link #KINDS};
 * {@code start} and {@code end} are ISO-8601 instants, both inclusive. A host absent from the file did nothing bad.
 * Other top-level fields are ignored: the real datasets' truth files in {@code docs/truth} add {@code derivation},
 * {@code inputs}, {@code local} and {@code victims} for the test that scores them (see {@code docs/detection.md}).
 */
public record Truth(String capture, boolean synthetic, List<TruthWindow> windows) {
    /** The alert kinds of the watch contract. */
    public static final Set<String> KINDS = Set.of("scan", "brute-force", "syn-flood", "ack-flood", "udp-flood",
            "gre-flood", "http-flood", "dns-water-torture", "c2", "exfiltration", "lateral-movement", "anomaly");
    /** Largest truth file read. */
    public static final int MAX_BYTES = 4 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public Truth {
        windows = windows.stream().sorted(Comparator.comparingLong(TruthWindow::startNanos)
                .thenComparing(TruthWindow::host).thenComparing(TruthWindow::kind)).toList();
    }

    /** Parses a truth file; {@code name} is used in error messages. */
    public static Truth parse(String name, byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new TruthException(name + ": larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root = tree(name, json);
        if (root == null || !root.isObject()) {
            throw new TruthException(name + ": expected a JSON object");
        }
        JsonNode hosts = root.get("hosts");
        if (hosts == null || !hosts.isObject()) {
            throw new TruthException(name + ": hosts: expected an object of host -> list of windows");
        }
        List<TruthWindow> windows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> h : hosts.properties()) {
            String field = "hosts." + h.getKey();
            if (!h.getValue().isArray()) {
                throw new TruthException(name + ": " + field + ": expected a list of windows");
            }
            int i = 0;
            for (JsonNode w : h.getValue()) {
                windows.add(window(name, field + "[" + i++ + "]", h.getKey(), w));
            }
        }
        JsonNode capture = root.get("capture");
        JsonNode synthetic = root.get("synthetic");
        if (synthetic != null && !synthetic.isBoolean()) {
            throw new TruthException(name + ": synthetic: expected true or false");
        }
        return new Truth(capture == null || capture.isNull() ? null : capture.asString(),
                synthetic != null && synthetic.asBoolean(), windows);
    }

    /** The truth as the JSON file {@link #parse} reads. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        if (capture != null) {
            root.put("capture", capture);
        }
        root.put("synthetic", synthetic);
        Map<String, List<Map<String, Object>>> hosts = new LinkedHashMap<>();
        for (TruthWindow w : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", w.kind());
            m.put("start", Instant.ofEpochSecond(0, w.startNanos()).toString());
            m.put("end", Instant.ofEpochSecond(0, w.endNanos()).toString());
            if (w.note() != null) {
                m.put("note", w.note());
            }
            hosts.computeIfAbsent(w.host(), k -> new ArrayList<>()).add(m);
        }
        root.put("hosts", hosts);
        return JSON.writeValueAsString(root) + "\n";
    }

    private static TruthWindow window(String name, String field, String host, JsonNode w) {
        if (!w.isObject()) {
            throw new TruthException(name + ": " + field + ": expected an object with kind, start, end");
        }
        String kind = text(name, field + ".kind", w);
        if (!KINDS.contains(kind)) {
            throw new TruthException(name + ": " + field + ".kind: unknown kind '" + kind + "' (known: "
                    + KINDS.stream().sorted().toList() + ")");
        }
        long start = nanos(name + ": " + field + ".start", text(name, field + ".start", w));
        long end = nanos(name + ": " + field + ".end", text(name, field + ".end", w));
        if (end < start) {
            throw new TruthException(name + ": " + field + ".end: before start");
        }
        JsonNode note = w.get("note");
        return new TruthWindow(host, kind, start, end, note == null || note.isNull() ? null : note.asString());
    }

    private static String text(String name, String field, JsonNode w) {
        JsonNode v = w.get(field.substring(field.lastIndexOf('.') + 1));
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new TruthException(name + ": " + field + ": missing or not a string");
        }
        return v.asString();
    }

    /** Parses JSON; a syntax error is a {@link TruthException} naming {@code where}. */
    static JsonNode tree(String where, byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new TruthException(where + ": not JSON: " + e.getOriginalMessage());
        }
    }

    /** An ISO-8601 instant in nanoseconds since the Unix epoch; a bad one is a {@link TruthException}. */
    static long nanos(String where, String value) {
        try {
            Instant t = Instant.parse(value);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new TruthException(where + ": not an ISO-8601 instant like 2026-01-05T10:00:00Z: '" + value + "'");
        }
    }
}
