package dev.warden.assess.check;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A regex extractor: pulls one value out of a response part into a named variable. Names in {@link #FACT_NAMES}
 * (unless {@code internal}) become facts about the device, so the check that logged in tells the inventory the
 * firmware; other names only feed later steps as {@code {{name}}}.
 *
 * @param name     variable name
 * @param part     response part
 * @param pattern  compiled regex
 * @param group    capture group (1 when the regex has groups, else 0)
 * @param internal a variable only, never a fact
 */
public record Extractor(String name, String part, Pattern pattern, int group, boolean internal) {
    /** Variable names that are device facts. */
    public static final Set<String> FACT_NAMES = Set.of("firmware", "model", "hardware", "serial", "vendor", "mac");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** Longest value kept; anything longer is a device babbling, not a version string. */
    private static final int MAX_VALUE = 256;

    /** Whether the value is a device fact the scan reports. */
    public boolean fact() {
        return !internal && FACT_NAMES.contains(name);
    }

    /** The first match's group, trimmed and bounded; empty when there is none or it is blank. */
    public Optional<String> extract(Response r) {
        java.util.regex.Matcher m = pattern.matcher(r.text(part));
        if (!m.find()) {
            return Optional.empty();
        }
        String v = m.group(group);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        v = v.strip();
        return Optional.of(v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
    }

    static Extractor read(Fields f, Protocol protocol) {
        String name = f.requiredString("name");
        if (!NAME.matcher(name).matches()) {
            throw f.fieldError("name", "expected a kebab-case name, not '" + name + "'");
        }
        if (name.equals("user") || name.equals("password") || name.equals("ip") || name.equals("port")) {
            throw f.fieldError("name", "'" + name + "' is reserved for the engine's own placeholders");
        }
        String type = f.string("type");
        if (type != null && !type.equals("regex")) {
            throw f.fieldError("type", "only regex extractors exist, not '" + type + "'");
        }
        String part = f.string("part");
        if (part == null) {
            part = "body";
        }
        if (protocol != null && !protocol.parts().contains(part)) {
            throw f.fieldError("part", "unknown part '" + part + "' for " + protocol.wireName());
        }
        f.requiredString("regex");
        Pattern p = f.pattern("regex");
        int groups = p.matcher("").groupCount();
        Integer group = f.integer("group");
        int g = group == null ? (groups > 0 ? 1 : 0) : group;
        if (g < 0 || g > groups) {
            throw f.fieldError("group", "the regex has " + groups + " group(s), not " + g);
        }
        boolean internal = f.flag("internal");
        f.done();
        return new Extractor(name, part, p, g, internal);
    }
}
