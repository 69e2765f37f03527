package dev.warden.fingerprint;

import dev.warden.data.DataFileErrors;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.fingerprint.Specs.CommonSpec;
import dev.warden.fingerprint.Specs.ConditionSpec;
import dev.warden.fingerprint.Specs.ExtractSpec;
import dev.warden.fingerprint.Specs.FamilySpec;
import dev.warden.fingerprint.Specs.RuleSpec;
import dev.warden.fingerprint.Specs.ValueSpec;
import dev.warden.model.DeviceKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and compiles fingerprint files: every regex compiled once, every key, kind, score and reference checked, so
 * that a file either loads whole or fails with a message naming the file and the rule or field.
 */
final class FingerprintLoader {
    /** The file with manufacturer claims and the extractors every family shares. */
    static final String COMMON = "_common.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Set<String> KEYS = evidenceKeys();

    /** What the files hold, compiled. */
    record Catalog(List<Family> families, List<Extractor> manufacturerClaims, Family.Extractors common,
                   List<Family.Rule> kindRules) {
    }

    private FingerprintLoader() {
    }

    /**
     * Compiles a set of files.
     *
     * @param files file name ({@code hikvision.yaml}) to content, in a stable order
     * @param where folder named in messages ({@code content/fingerprints})
     */
    static Catalog compile(Map<String, byte[]> files, String where) {
        if (!files.containsKey(COMMON)) {
            throw new FingerprintException(where + ": " + COMMON + " is missing");
        }
        String commonSource = where + "/" + COMMON;
        CommonSpec common = read(commonSource, files.get(COMMON), CommonSpec.class);
        List<Extractor> claims = new ArrayList<>();
        for (ValueSpec v : list(common.manufacturer(), commonSource, "manufacturer")) {
            claims.add(value(v, commonSource, "manufacturer " + v.key(), true));
        }
        Family.Extractors shared = extractors(common.extract(), commonSource);
        List<Family.Rule> kindRules = rules(common.kinds(), commonSource, "kinds", true);

        Map<String, Family> families = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().equals(COMMON)) {
                String source = where + "/" + f.getKey();
                Family family = family(read(source, f.getValue(), FamilySpec.class), source,
                        f.getKey().substring(0, f.getKey().length() - ".yaml".length()));
                families.put(family.id(), family);
            }
        }
        for (Family f : families.values()) {
            if (f.oemOf() != null) {
                Family platform = families.get(f.oemOf());
                if (platform == null || platform.oemOf() != null) {
                    throw new FingerprintException(where + "/" + f.id() + ".yaml: oem-of '" + f.oemOf()
                            + "' must name a family file that is not itself an OEM brand");
                }
            }
        }
        return new Catalog(List.copyOf(families.values()), List.copyOf(claims), shared, kindRules);
    }

    private static <T> T read(String source, byte[] yaml, Class<T> type) {
        T spec;
        try {
            spec = YAML.readValue(yaml, type);
        } catch (JacksonException e) {
            throw new FingerprintException(DataFileErrors.describe(source, e), e);
        }
        if (spec == null) {
            throw new FingerprintException(source + ": empty file");
        }
        return spec;
    }

    private static Family family(FamilySpec s, String source, String fileId) {
        if (!fileId.equals(s.id())) {
            throw new FingerprintException(source + ": id '" + s.id() + "' must equal the file name '" + fileId + "'");
        }
        String vendor = required(s.vendor(), source, "vendor");
        DeviceKind kind = kind(required(s.kind(), source, "kind"), source, "kind");
        List<Pattern> aliases = new ArrayList<>();
        aliases.add(alias(vendor));
        for (String a : list(s.aliases(), source, "aliases")) {
            aliases.add(alias(required(a, source, "aliases")));
        }
        List<Family.Rule> rules = rules(s.rules(), source, "rules", false);
        if (rules.isEmpty() && s.oemOf() == null) {
            throw new FingerprintException(source + ": 'rules' is required (only an oem-of brand may rely on aliases alone)");
        }
        return new Family(s.id(), vendor, kind, s.oemOf(), List.copyOf(aliases), rules,
                extractors(s.extract(), source));
    }

    /**
     * Compiles a list of rules: ids unique, a condition each, a score within 0..1. With {@code kindRequired} (the
     * vendor-neutral kind rules) every rule must name a kind other than unknown, since saying what a device is is
     * all such a rule does.
     */
    private static List<Family.Rule> rules(List<RuleSpec> specs, String source, String field, boolean kindRequired) {
        List<Family.Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleSpec r : list(specs, source, field)) {
            String id = required(r.id(), source, field + "[" + rules.size() + "].id");
            String at = "rule " + id;
            if (!ids.add(id)) {
                throw new FingerprintException(source + " " + at + ": duplicate rule id");
            }
            if (r.when() == null) {
                throw new FingerprintException(source + " " + at + ": 'when' is required");
            }
            DeviceKind kind = r.kind() == null ? null : kind(r.kind(), source, at);
            if (kindRequired && (kind == null || kind == DeviceKind.UNKNOWN)) {
                throw new FingerprintException(source + " " + at + ": 'kind' is required and must not be unknown");
            }
            rules.add(new Family.Rule(id, condition(r.when(), source, at), score(r.score(), source, at), kind));
        }
        return List.copyOf(rules);
    }

    /** A manufacturer name as a whole word (or words), any case: "TP-LINK" in "TP-Link Technologies Co., Ltd.". */
    private static Pattern alias(String name) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(name) + "(?![\\p{Alnum}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Condition condition(ConditionSpec c, String source, String at) {
        int forms = (c.key() != null ? 1 : 0) + (c.portsOpen() != null ? 1 : 0) + (c.allOf() != null ? 1 : 0)
                + (c.anyOf() != null ? 1 : 0);
        if (forms != 1) {
            throw new FingerprintException(source + " " + at
                    + ": a condition needs exactly one of key, ports-open, all-of, any-of (found " + forms + ")");
        }
        if (c.key() == null && (c.match() != null || c.port() != null)) {
            throw new FingerprintException(source + " " + at + ": match and port belong with a key");
        }
        if (c.key() != null) {
            return new Condition.Match(key(c.key(), source, at), regex(c.match(), source, at), port(c.port(), source, at));
        }
        if (c.portsOpen() != null) {
            if (c.portsOpen().isEmpty()) {
                throw new FingerprintException(source + " " + at + ": ports-open is empty");
            }
            c.portsOpen().forEach(p -> port(p, source, at));
            return new Condition.PortsOpen(List.copyOf(c.portsOpen()));
        }
        List<ConditionSpec> children = c.allOf() != null ? c.allOf() : c.anyOf();
        if (children.isEmpty()) {
            throw new FingerprintException(source + " " + at + ": " + (c.allOf() != null ? "all-of" : "any-of") + " is empty");
        }
        List<Condition> compiled = children.stream().map(child -> condition(child, source, at)).toList();
        return c.allOf() != null ? new Condition.AllOf(compiled) : new Condition.AnyOf(compiled);
    }

    private static Family.Extractors extractors(ExtractSpec e, String source) {
        if (e == null) {
            return Family.Extractors.NONE;
        }
        return new Family.Extractors(values(e.model(), source, "extract.model"),
                values(e.hardware(), source, "extract.hardware"), values(e.firmware(), source, "extract.firmware"));
    }

    private static List<Extractor> values(List<ValueSpec> specs, String source, String at) {
        List<Extractor> out = new ArrayList<>();
        for (ValueSpec v : list(specs, source, at)) {
            out.add(value(v, source, at + " " + v.key(), false));
        }
        return List.copyOf(out);
    }

    private static Extractor value(ValueSpec v, String source, String at, boolean claim) {
        if (v.decode() != null && !v.decode().equals("percent")) {
            throw new FingerprintException(source + " " + at + ": decode must be 'percent', not '" + v.decode() + "'");
        }
        if (!claim && v.score() != null) {
            throw new FingerprintException(source + " " + at + ": score belongs to manufacturer claims only");
        }
        return new Extractor(key(v.key(), source, at), port(v.port(), source, at), regex(v.match(), source, at),
                v.decode() != null, claim ? score(v.score(), source, at) : 0);
    }

    private static String key(String key, String source, String at) {
        if (key == null || !(KEYS.contains(key)
                || key.startsWith(EvidenceKeys.HTTP_PATH_PREFIX + "/") && !key.contains(" "))) {
            throw new FingerprintException(source + " " + at + ": unknown evidence key '" + key
                    + "' (see dev.warden.evidence.EvidenceKeys; pages are http.path:/<path>)");
        }
        return key;
    }

    private static Pattern regex(String regex, String source, String at) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new FingerprintException(source + " " + at + ": bad regex '" + regex + "': " + e.getDescription());
        }
    }

    private static Integer port(Integer port, String source, String at) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new FingerprintException(source + " " + at + ": port out of range: " + port);
        }
        return port;
    }

    private static double score(Double score, String source, String at) {
        if (score == null || score < 0 || score > 1) {
            throw new FingerprintException(source + " " + at + ": score must be given, within 0..1 (was " + score + ")");
        }
        return score;
    }

    private static DeviceKind kind(String kind, String source, String at) {
        try {
            return DeviceKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new FingerprintException(source + " " + at + ": " + e.getMessage());
        }
    }

    private static String required(String value, String source, String field) {
        if (value == null || value.isBlank()) {
            throw new FingerprintException(source + ": '" + field + "' is required");
        }
        return value;
    }

    private static <T> List<T> list(List<T> l, String source, String field) {
        if (l != null && l.contains(null)) {
            throw new FingerprintException(source + ": '" + field + "' has an empty entry");
        }
        return l == null ? List.of() : l;
    }

    private static Set<String> evidenceKeys() {
        Set<String> keys = new HashSet<>();
        for (Field f : EvidenceKeys.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !f.getName().equals("HTTP_PATH_PREFIX")) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(keys);
    }
}
