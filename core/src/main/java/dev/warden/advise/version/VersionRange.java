package dev.warden.advise.version;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware version range as advisories write it, read into constraints that can be evaluated.
 * <p>
 * Strict {@code vers:} ranges come first ({@code vers:intdot/>=2.52.0.0|<2.52.2.47}, {@code vers:all/*}); then the
 * forms real documents use: the invalid {@code vers:all/<V13.2}, bare comparators ({@code <=20081},
 * {@code >=2003|<=2006}), free text ({@code All versions < V4.33}, {@code >=  5.3.1 build 150410 | <= 5.4.4  Build
 * 161125}, {@code prior to 4.2}, {@code 4.2 and earlier}, {@code 1.0 through 2.0}) and single versions. Containment
 * follows the vers specification's algorithm. Anything else is an {@link UnreadableRangeException}, never a range
 * that matches nothing.
 * <p>
 * Firmware lines: a vendor whose version's leading components name a firmware line (Foscam's {@code 2.<line>.x.build})
 * evaluates with {@code lineComponents} &gt; 0, and then a bound only applies to versions on its own line — a bound
 * on 2.82 says nothing about a device on 2.52.
 */
public final class VersionRange {
    /** How the range was read; anything but {@link #VERS} and {@link #SINGLE} means a lower confidence. */
    public enum Form {
        /** A valid {@code vers:} range. */
        VERS,
        /** One exact version (a CSAF {@code product_version}). */
        SINGLE,
        /** A form the specification does not allow, read on a best-effort basis. */
        LENIENT
    }

    /** A comparison operator of a constraint. */
    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean lower() {
            return this == GT || this == GE;
        }

        boolean upper() {
            return this == LT || this == LE;
        }

        boolean inclusive() {
            return this == EQ || this == LE || this == GE;
        }
    }

    /** One constraint, e.g. {@code <2.52.2.47}. */
    public record Constraint(Op op, Version version) {
        @Override
        public String toString() {
            return op.symbol + version.text();
        }
    }

    private static final int MAX_LENGTH = 500;
    /** The longest firmware line a vendor can declare (see {@code VendorRules}). */
    private static final int MAX_LINE = 4;
    private static final int MAX_CONSTRAINTS = 64;
    private static final Pattern COMPARATOR = Pattern.compile("^(<=|>=|!=|=<|=>|<|>|=)?\\s*(.*)$");
    private static final Pattern VERSION_WORDS = Pattern.compile("(?i)build|rel|update|sp|patch|r");
    private static final List<Rewrite> PHRASES = List.of(
            new Rewrite("(?i)^(?:all\\s+)?(?:versions?\\s+|firmware\\s+)?(?:prior\\s+to|before|earlier\\s+than|below|older\\s+than)\\s+(.+)$", "<$1"),
            new Rewrite("(?i)^(?:all\\s+)?(?:versions?\\s+|firmware\\s+)?(?:up\\s+to(?:\\s+and\\s+including)?|through|until)\\s+(.+)$", "<=$1"),
            new Rewrite("(?i)^(.+?)\\s+(?:and|or)\\s+(?:earlier|prior|before|below|lower|older)$", "<=$1"),
            new Rewrite("(?i)^(.+?)\\s+(?:and|or)\\s+(?:later|after|above|newer|higher)$", ">=$1"),
            new Rewrite("(?i)^(?:from\\s+)?(.+?)\\s+(?:through|to|until|-)\\s+(.+)$", ">=$1|<=$2"));

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private final String text;
    private final Form form;
    private final boolean all;
    private final List<Constraint> constraints;
    private final Prepared unfiltered;
    /** Per firmware-line length (1 to 4), its {@link LinePlan}; filled on first use. */
    private final LinePlan[] lines = new LinePlan[MAX_LINE + 1];

    private VersionRange(String text, Form form, boolean all, List<Constraint> constraints) {
        this.text = text;
        this.form = form;
        this.all = all;
        this.constraints = List.copyOf(constraints);
        this.unfiltered = new Prepared(this.constraints);
    }

    /** Exactly one version (CSAF {@code product_version}). */
    public static VersionRange exactly(String version) throws UnreadableRangeException {
        return new VersionRange(version, Form.SINGLE, false, List.of(new Constraint(Op.EQ, version(version))));
    }

    /** Reads a range in any of the forms above. */
    public static VersionRange parse(String text) throws UnreadableRangeException {
        if (text == null || text.isBlank()) {
            throw new UnreadableRangeException("empty range");
        }
        if (text.length() > MAX_LENGTH) {
            throw new UnreadableRangeException("range longer than " + MAX_LENGTH + " characters");
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.regionMatches(true, 0, "vers:", 0, 5)) {
            return vers(text, t.substring(5));
        }
        String rest = t.replaceFirst("(?i)^all\\s+versions?\\b\\s*:?\\s*", "");
        if (rest.isEmpty()) {
            return new VersionRange(text, Form.LENIENT, true, List.of());
        }
        boolean rewritten = !rest.equals(t);
        for (Rewrite r : PHRASES) {
            Matcher m = r.pattern.matcher(rest);
            if (!rest.contains("|") && !rest.matches("^[<>=!].*") && m.matches()) {
                rest = m.replaceFirst(r.replacement);
                rewritten = true;
                break;
            }
        }
        List<Constraint> cs = constraints(rest, "[|,]", false);
        boolean single = !rewritten && cs.size() == 1 && cs.get(0).op == Op.EQ && !rest.startsWith("=");
        return new VersionRange(text, single ? Form.SINGLE : Form.LENIENT, false, cs);
    }

    private static VersionRange vers(String text, String body) throws UnreadableRangeException {
        int slash = body.indexOf('/');
        if (slash <= 0) {
            throw new UnreadableRangeException("vers range without '<type>/'");
        }
        String type = body.substring(0, slash).toLowerCase(Locale.ROOT);
        String spec = body.substring(slash + 1).strip();
        if (spec.equals("*")) {
            return new VersionRange(text, Form.VERS, !type.equals("none"), List.of());
        }
        if (type.equals("none")) {
            throw new UnreadableRangeException("vers:none allows only '*'");
        }
        boolean strict = !type.equals("all") && !spec.contains(" ") && !text.strip().contains(" ");
        List<Constraint> cs = constraints(spec, "\\|", strict);
        return new VersionRange(text, strict ? Form.VERS : Form.LENIENT, false, cs);
    }

    /** Splits constraints; {@code percentDecode} for vers, whose versions percent-encode {@code <>=!*|%}. */
    private static List<Constraint> constraints(String spec, String separator, boolean percentDecode)
            throws UnreadableRangeException {
        String[] parts = spec.split(separator);
        if (parts.length > MAX_CONSTRAINTS) {
            throw new UnreadableRangeException("more than " + MAX_CONSTRAINTS + " constraints");
        }
        List<Constraint> out = new ArrayList<>();
        for (String p : parts) {
            Matcher m = COMPARATOR.matcher(p.strip());
            if (!m.matches() || m.group(2).isBlank()) {
                throw new UnreadableRangeException("constraint '" + p.strip() + "' names no version");
            }
            String v = percentDecode && m.group(2).contains("%") ? decode(m.group(2)) : m.group(2);
            out.add(new Constraint(op(m.group(1)), version(v)));
        }
        return out;
    }

    private static String decode(String s) throws UnreadableRangeException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRangeException("bad percent-encoding in '" + s + "'");
        }
    }

    private static Op op(String symbol) {
        if (symbol == null) {
            return Op.EQ;
        }
        return switch (symbol) {
            case "<" -> Op.LT;
            case "<=", "=<" -> Op.LE;
            case ">" -> Op.GT;
            case ">=", "=>" -> Op.GE;
            case "!=" -> Op.NE;
            default -> Op.EQ;
        };
    }

    /** A version inside a range: every word must carry a digit or be a version word such as {@code build}. */
    private static Version version(String text) throws UnreadableRangeException {
        String t = text.strip();
        for (String token : t.split(" ")) {
            if (token.chars().noneMatch(Character::isDigit) && !VERSION_WORDS.matcher(token).matches()) {
                throw new UnreadableRangeException("'" + token + "' in '" + t + "' is not part of a version");
            }
        }
        try {
            return Version.parse(t);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRangeException(e.getMessage());
        }
    }

    /** The range as written. */
    public String text() {
        return text;
    }

    /** How it was read. */
    public Form form() {
        return form;
    }

    /** Whether it covers every version. */
    public boolean all() {
        return all;
    }

    /** Its constraints (empty when {@link #all()}). */
    public List<Constraint> constraints() {
        return constraints;
    }

    /**
     * Where {@code v} lies.
     *
     * @param lineComponents how many leading components form the vendor's firmware line, 0 when it has none
     */
    public Verdict evaluate(Version v, int lineComponents) {
        if (all) {
            return Verdict.IN;
        }
        if (lineComponents > 0) {
            String line = v.line(lineComponents);
            if (line == null) {
                return Verdict.UNKNOWN;
            }
            LinePlan plan = linePlan(lineComponents);
            Prepared p = plan.byLine().getOrDefault(line, plan.lineless());
            return p == null ? Verdict.NOT_JUDGED : p.contains(v);
        }
        return unfiltered.contains(v);
    }

    /** The line plan for lines of {@code n} components, made on first use (a race only makes it twice). */
    private LinePlan linePlan(int n) {
        if (n > MAX_LINE) {
            return LinePlan.of(constraints, n);
        }
        LinePlan plan = lines[n];
        if (plan == null) {
            plan = LinePlan.of(constraints, n);
            lines[n] = plan;
        }
        return plan;
    }

    /**
     * The constraints that apply on each firmware line of some length (those on that line and those with no line),
     * prepared once per range instead of filtered for every version evaluated.
     *
     * @param byLine   per line named by a constraint
     * @param lineless for a version on a line no constraint names: the constraints without a line, null when none
     */
    private record LinePlan(Map<String, Prepared> byLine, Prepared lineless) {
        static LinePlan of(List<Constraint> constraints, int n) {
            Map<String, Prepared> m = new HashMap<>();
            for (Constraint c : constraints) {
                String l = c.version.line(n);
                if (l != null && !m.containsKey(l)) {
                    m.put(l, new Prepared(constraints.stream().filter(x -> {
                        String xl = x.version.line(n);
                        return xl == null || xl.equals(l);
                    }).toList()));
                }
            }
            List<Constraint> lineless = constraints.stream().filter(c -> c.version.line(n) == null).toList();
            return new LinePlan(Map.copyOf(m), lineless.isEmpty() ? null : new Prepared(lineless));
        }
    }

    /**
     * Constraints in their written order with their range bounds already sorted, so that evaluating a version neither
     * allocates nor sorts. The sort is the one evaluation did before: stable, over the same list, so decisions are
     * the same.
     */
    private record Prepared(List<Constraint> constraints, List<Constraint> bounds) {
        Prepared(List<Constraint> constraints) {
            this(constraints, constraints.stream().filter(c -> c.op != Op.EQ && c.op != Op.NE)
                    .sorted(Comparator.comparing(Constraint::version, (a, b) -> a.compare(b).orElse(0))).toList());
        }

        /** The vers specification's containment algorithm. */
        Verdict contains(Version v) {
            for (Constraint c : constraints) {
                OptionalInt cmp = v.compare(c.version);
                if (cmp.isEmpty()) {
                    return Verdict.UNKNOWN;
                }
                if (cmp.getAsInt() == 0 && c.op.inclusive()) {
                    return Verdict.IN;
                }
                if (cmp.getAsInt() == 0 && c.op == Op.NE) {
                    return Verdict.OUT;
                }
            }
            if (bounds.isEmpty()) {
                return Verdict.OUT;
            }
            Constraint first = bounds.get(0);
            Constraint last = bounds.get(bounds.size() - 1);
            if (first.op.upper() && below(v, first)) {
                return Verdict.IN;
            }
            if (last.op.lower() && !below(v, last) && v.compare(last.version).orElse(0) > 0) {
                return Verdict.IN;
            }
            for (int k = 0; k + 1 < bounds.size(); k++) {
                Constraint lo = bounds.get(k);
                Constraint hi = bounds.get(k + 1);
                if (lo.op.lower() && hi.op.upper() && v.compare(lo.version).orElse(0) > 0 && below(v, hi)) {
                    return Verdict.IN;
                }
            }
            return Verdict.OUT;
        }
    }

    private static boolean below(Version v, Constraint c) {
        return v.compare(c.version).orElse(0) < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
