package dev.warden.assess.check;

/**
 * A range of versions in a check file: {@code from} (inclusive), {@code before} (exclusive), {@code through}
 * (inclusive) or exactly {@code is}; absent bounds are open. Compared with {@link Versions#compare}.
 */
public record VersionRange(String from, String before, String through, String is) {
    /** Whether {@code version} lies in the range. */
    public boolean contains(String version) {
        if (is != null) {
            return Versions.compare(version, is) == 0;
        }
        return (from == null || Versions.compare(version, from) >= 0)
                && (before == null || Versions.compare(version, before) < 0)
                && (through == null || Versions.compare(version, through) <= 0);
    }

    /** The range as written, for evidence: {@code >= V5.4.0, < V5.5.800}. */
    public String describe() {
        if (is != null) {
            return "= " + is;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, ">= ", from);
        append(sb, "< ", before);
        append(sb, "<= ", through);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String op, String v) {
        if (v != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(op).append(v);
        }
    }

    static VersionRange read(Fields f) {
        VersionRange r = new VersionRange(f.string("from"), f.string("before"), f.string("through"), f.string("is"));
        f.done();
        if (r.is == null && r.from == null && r.before == null && r.through == null) {
            throw f.error(f.at("from"), "a version range needs from, before, through or is");
        }
        if (r.is != null && (r.from != null || r.before != null || r.through != null)) {
            throw f.error(f.at("is"), "'is' stands alone: no from, before or through with it");
        }
        if (r.before != null && r.through != null) {
            throw f.error(f.at("through"), "give before or through, not both");
        }
        return r;
    }
}
