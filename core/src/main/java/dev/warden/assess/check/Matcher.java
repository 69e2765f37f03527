package dev.warden.assess.check;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiled matcher of a check: {@code word}, {@code regex}, {@code status}, {@code header} or {@code binary}
 * over a response part, its values combined by {@code condition} (or/and), optionally {@code negative}.
 * Compiled at load, so a bad regex or hex string is a load error, never a scan-time surprise.
 */
public final class Matcher {
    /** The matcher types. */
    public enum Type { WORD, REGEX, STATUS, HEADER, BINARY }

    private final Type type;
    private final String part;
    private final String headerName;
    private final List<String> words;
    private final List<Pattern> patterns;
    private final List<Integer> statuses;
    private final List<byte[]> binaries;
    private final boolean and;
    private final boolean negative;
    private final boolean caseInsensitive;

    private Matcher(Type type, String part, String headerName, List<String> words, List<Pattern> patterns,
                    List<Integer> statuses, List<byte[]> binaries, boolean and, boolean negative,
                    boolean caseInsensitive) {
        this.type = type;
        this.part = part;
        this.headerName = headerName;
        this.words = words;
        this.patterns = patterns;
        this.statuses = statuses;
        this.binaries = binaries;
        this.and = and;
        this.negative = negative;
        this.caseInsensitive = caseInsensitive;
    }

    public Type type() {
        return type;
    }

    public String part() {
        return part;
    }

    /** Whether the response satisfies this matcher (after {@code negative}). */
    public boolean test(Response r) {
        return hit(r) != negative;
    }

    private boolean hit(Response r) {
        return switch (type) {
            case STATUS -> statuses.contains(r.status());
            case WORD -> combine(words.size(), i -> contains(r.text(part), words.get(i)));
            case REGEX -> combine(patterns.size(), i -> patterns.get(i).matcher(r.text(part)).find());
            case HEADER -> {
                String v = r.header(headerName);
                if (v == null) {
                    yield false;
                }
                yield words.isEmpty()
                        ? combine(patterns.size(), i -> patterns.get(i).matcher(v).find())
                        : combine(words.size(), i -> contains(v, words.get(i)));
            }
            case BINARY -> combine(binaries.size(), i -> indexOf(r.bytes(part), binaries.get(i)) >= 0);
        };
    }

    private boolean combine(int n, java.util.function.IntPredicate p) {
        for (int i = 0; i < n; i++) {
            boolean ok = p.test(i);
            if (and && !ok) {
                return false;
            }
            if (!and && ok) {
                return true;
            }
        }
        return and;
    }

    private boolean contains(String text, String word) {
        return caseInsensitive
                ? text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))
                : text.contains(word);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One line for evidence: which matcher hit ({@code word '<result>0</result>' in body}). Never response data. */
    public String describe() {
        String what = switch (type) {
            case STATUS -> "status " + statuses;
            case WORD -> "word " + quote(words);
            case REGEX -> "regex " + quote(patterns.stream().map(Pattern::pattern).toList());
            case HEADER -> "header " + headerName + " " + quote(words.isEmpty()
                    ? patterns.stream().map(Pattern::pattern).toList() : words);
            case BINARY -> "binary " + binaries.stream().map(b -> HexFormat.of().formatHex(b)).toList();
        };
        String where = type == Type.STATUS || type == Type.HEADER ? "" : " in " + part;
        return (negative ? "no " : "") + what + where;
    }

    private static String quote(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add("'" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'");
        }
        return String.join(values.size() > 1 ? " / " : "", out);
    }

    static Matcher read(Fields f, Protocol protocol) {
        String typeName = f.requiredString("type");
        Type type;
        try {
            type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.fieldError("type", "unknown matcher type '" + typeName + "' (expected word, regex, status, header or binary)");
        }
        String part = f.string("part");
        if (part == null) {
            part = type == Type.STATUS ? "status" : "body";
        }
        if (protocol != null && !protocol.parts().contains(part) && type != Type.STATUS && type != Type.HEADER) {
            throw f.fieldError("part", "unknown part '" + part + "' for " + protocol.wireName() + " (expected one of "
                    + protocol.parts().stream().sorted().toList() + ")");
        }
        String condition = f.string("condition");
        if (condition != null && !condition.equals("and") && !condition.equals("or")) {
            throw f.fieldError("condition", "expected and or or, not '" + condition + "'");
        }
        boolean and = "and".equals(condition);
        boolean negative = f.flag("negative");
        boolean ci = f.flag("case-insensitive");
        List<String> words = f.strings("words");
        List<String> regexes = f.strings("regex");
        List<String> statusTexts = f.strings("status");
        List<String> hex = f.strings("binary");
        String headerName = f.string("name");
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            try {
                patterns.add(Pattern.compile(regexes.get(i), ci ? Pattern.CASE_INSENSITIVE : 0));
            } catch (PatternSyntaxException e) {
                throw f.fieldError("regex[" + i + "]", "bad regex: " + e.getDescription());
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < statusTexts.size(); i++) {
            try {
                statuses.add(Integer.parseInt(statusTexts.get(i).trim()));
            } catch (NumberFormatException e) {
                throw f.fieldError("status[" + i + "]", "expected a number, not '" + statusTexts.get(i) + "'");
            }
        }
        List<byte[]> binaries = new ArrayList<>();
        for (int i = 0; i < hex.size(); i++) {
            try {
                byte[] b = HexFormat.of().parseHex(hex.get(i).replace(" ", ""));
                if (b.length == 0) {
                    throw new IllegalArgumentException("empty");
                }
                binaries.add(b);
            } catch (IllegalArgumentException e) {
                throw f.fieldError("binary[" + i + "]", "expected hex bytes, not '" + hex.get(i) + "'");
            }
        }
        f.done();
        String needs = switch (type) {
            case WORD -> words.isEmpty() || !regexes.isEmpty() || !statuses.isEmpty() || !hex.isEmpty() ? "words" : null;
            case REGEX -> patterns.isEmpty() || !words.isEmpty() || !statuses.isEmpty() || !hex.isEmpty() ? "regex" : null;
            case STATUS -> statuses.isEmpty() || !words.isEmpty() || !regexes.isEmpty() || !hex.isEmpty() ? "status" : null;
            case BINARY -> binaries.isEmpty() || !words.isEmpty() || !regexes.isEmpty() || !statuses.isEmpty() ? "binary" : null;
            case HEADER -> headerName == null || words.isEmpty() == patterns.isEmpty() || !statuses.isEmpty() || !hex.isEmpty()
                    ? "name" : null;
        };
        if (needs != null) {
            throw f.fieldError(needs, type == Type.HEADER
                    ? "a header matcher needs name and either words or regex"
                    : "a " + type.name().toLowerCase(Locale.ROOT) + " matcher needs '" + needs + "' and no other values");
        }
        if (headerName != null && type != Type.HEADER) {
            throw f.fieldError("name", "only header matchers take a name");
        }
        return new Matcher(type, part, headerName, List.copyOf(words), List.copyOf(patterns), List.copyOf(statuses),
                List.copyOf(binaries), and, negative, ci);
    }
}
