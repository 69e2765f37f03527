package dev.warden.watch.zeek;

import dev.warden.watch.flow.FlowEvent;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams a Zeek {@code conn.log}, one connection per {@link #next()}, whatever its dialect:
 * <ul>
 *   <li>TSV with Zeek's {@code #separator}, {@code #fields}, {@code #unset_field} and {@code #empty_field} headers;</li>
 *   <li>IoT-23's variant, whose last columns ({@code tunnel_parents label detailed-label}) are separated by three
 *       spaces instead of the separator (any value holding three spaces is split there);</li>
 *   <li>a TSV whose first line is a plain header ({@code ts uid id.orig_h ...}, IoT-23's resampled logs);</li>
 *   <li>a TSV with no header at all, read in Zeek's default column order;</li>
 *   <li>JSON lines ({@code {"ts":..., "id.orig_h":...}}), timestamps as epoch seconds or ISO-8601.</li>
 * </ul>
 * Unset ({@code -}) and empty values are absent; a line that is not a connection, or longer than {@link #MAX_LINE}
 * bytes, is counted in {@link ZeekStats} with a reason and skipped. Memory is one line whatever the file's size.
 * IoT-23's {@code label} and {@code detailed-label} columns are exposed for evaluation only; detectors never see them.
 */
public final class ZeekConnReader implements Closeable {
    /** Longest line read, in bytes; a conn.log line is a few hundred. */
    public static final int MAX_LINE = 16_384;
    private static final String THREE_SPACES = "   ";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final InputStream in;
    private final ZeekStats stats;
    private final byte[] line = new byte[MAX_LINE];
    private char separator = '\t';
    private String unset = "-";
    private String empty = "(empty)";
    private ConnColumns columns;
    private long lineNumber;
    private FlowEvent flow;
    private String label;
    private String detailedLabel;

    public ZeekConnReader(InputStream in, ZeekStats stats) {
        this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), 65_536);
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public static ZeekConnReader open(Path file, ZeekStats stats) throws IOException {
        return new ZeekConnReader(Files.newInputStream(file), stats);
    }

    /** Moves to the next connection; false at the end of the input. Only I/O errors throw. */
    public boolean next() throws IOException {
        while (true) {
            int n = readLine();
            if (n == -1) {
                return false;
            }
            lineNumber++;
            stats.line();
            if (n == -2) {
                stats.skip(lineNumber, "zeek.line-too-long", "over " + MAX_LINE + " bytes");
                continue;
            }
            String text = new String(line, 0, n, StandardCharsets.UTF_8).stripTrailing();
            if (text.isBlank()) {
                continue;
            }
            if (text.charAt(0) == '#') {
                header(text);
                continue;
            }
            ConnLine.Values values = text.charAt(0) == '{' ? json(text) : tsv(text);
            if (values == null) {
                continue;
            }
            try {
                flow = ConnLine.flow(values);
            } catch (ConnLine.BadLine e) {
                stats.skip(lineNumber, e.reason, e.getMessage());
                continue;
            }
            label = values.get(ConnColumns.LABEL);
            detailedLabel = values.get(ConnColumns.DETAILED);
            stats.connection();
            return true;
        }
    }

    /** The current connection as a finished flow. */
    public FlowEvent flow() {
        return flow;
    }

    /** IoT-23's {@code label} of the current connection, or null; for evaluation, never for detection. */
    public String label() {
        return label;
    }

    /** IoT-23's {@code detailed-label} ({@code detailedlabel}) of the current connection, or null. */
    public String detailedLabel() {
        return detailedLabel;
    }

    /** The line the current connection was read from, 1-based. */
    public long lineNumber() {
        return lineNumber;
    }

    public ZeekStats stats() {
        return stats;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void header(String text) {
        int space = firstWhitespace(text);
        String key = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space + 1);
        switch (key) {
            case "#separator" -> separator = separator(rest.strip());
            case "#unset_field" -> unset = afterSeparator(text, rest);
            case "#empty_field" -> empty = afterSeparator(text, rest);
            case "#fields" -> {
                String[] names = split(afterSeparator(text, rest));
                columns = new ConnColumns(Arrays.asList(names));
            }
            default -> {
                // #path, #open, #types, #close and comments carry nothing the reader needs
            }
        }
    }

    /** A header's value: the text after {@code #key} and the separator. */
    private String afterSeparator(String text, String rest) {
        int sep = text.indexOf(separator);
        return sep < 0 ? rest.strip() : text.substring(sep + 1);
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code \x09} or a literal character; anything else keeps the tab. */
    private static char separator(String s) {
        if (s.length() == 4 && s.startsWith("\\x")) {
            try {
                return (char) Integer.parseInt(s.substring(2), 16);
            } catch (NumberFormatException e) {
                return '\t';
            }
        }
        return s.length() == 1 ? s.charAt(0) : '\t';
    }

    private ConnLine.Values tsv(String text) {
        String[] values = split(text);
        if (columns == null) {
            if (ConnColumns.isHeader(values, values.length)) {
                columns = new ConnColumns(Arrays.asList(values));
                return null;
            }
            columns = ConnColumns.defaults();
        }
        return new ConnLine.Values(values, values.length, columns, unset, empty);
    }

    /** Splits on the separator, then splits any value holding three spaces (IoT-23's label columns). */
    private String[] split(String text) {
        List<String> out = new ArrayList<>(24);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == separator) {
                String v = text.substring(start, i);
                if (v.contains(THREE_SPACES)) {
                    for (String part : v.split(THREE_SPACES + "+")) {
                        out.add(part);
                    }
                } else {
                    out.add(v);
                }
                start = i + 1;
            }
        }
        return out.toArray(String[]::new);
    }

    private ConnLine.Values json(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            stats.skip(lineNumber, "zeek.bad-json", e.getOriginalMessage());
            return null;
        }
        if (node == null || !node.isObject()) {
            stats.skip(lineNumber, "zeek.bad-json", "not an object");
            return null;
        }
        List<String> wanted = ConnColumns.WANTED;
        String[] values = new String[wanted.size()];
        for (int i = 0; i < values.length; i++) {
            String name = wanted.get(i);
            JsonNode v = node.get(name);
            if (v == null && i == ConnColumns.DETAILED) {
                v = node.get("detailedlabel");
            }
            values[i] = v == null || !v.isValueNode() || v.isNull() ? ""
                    : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
        }
        return new ConnLine.Values(values, values.length, JSON_COLUMNS, unset, empty);
    }

    private static final ConnColumns JSON_COLUMNS = new ConnColumns(ConnColumns.WANTED);

    /**
     * Reads one line into {@link #line}: its length without the newline, -1 at the end of input, -2 when longer than
     * {@link #MAX_LINE} (the rest of it is read and dropped).
     */
    private int readLine() throws IOException {
        int n = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (n < MAX_LINE) {
                line[n++] = (byte) b;
            } else {
                tooLong = true;
            }
        }
        if (b < 0 && n == 0 && !tooLong) {
            return -1;
        }
        return tooLong ? -2 : n;
    }
}
