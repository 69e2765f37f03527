package dev.warden.watch.zeek;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ZeekConnReader} did: lines read, connections delivered, and lines skipped by reason
 * ({@code zeek.bad-ts}, {@code zeek.too-few-fields}...), with the line number and reason of the first few skips so a
 * person can find them in the file.
 */
public final class ZeekStats {
    /** Skipped lines described in {@link #examples()} at most. */
    public static final int MAX_EXAMPLES = 5;

    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long lines;
    private long connections;

    void line() {
        lines++;
    }

    void connection() {
        connections++;
    }

    void skip(long lineNumber, String reason, String detail) {
        skipped.merge(reason, 1L, Long::sum);
        if (examples.size() < MAX_EXAMPLES) {
            examples.add("line " + lineNumber + ": " + reason + (detail == null ? "" : " (" + detail + ")"));
        }
    }

    /** Lines read, headers and comments included. */
    public long lines() {
        return lines;
    }

    /** Connections delivered as flows. */
    public long connections() {
        return connections;
    }

    /** Lines skipped, all reasons. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Skipped lines by reason, in the order first met. */
    public Map<String, Long> skipped() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** The first {@link #MAX_EXAMPLES} skips, with line numbers. */
    public List<String> examples() {
        return List.copyOf(examples);
    }

    @Override
    public String toString() {
        return connections + " connections from " + lines + " lines, skipped " + skipped;
    }
}
