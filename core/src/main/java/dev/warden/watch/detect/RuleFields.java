package dev.warden.watch.detect;

import dev.warden.data.DataFileErrors;
import dev.warden.model.Severity;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reading and validating detector rule files: each detector's rules are a record of optional fields (the file names
 * only what it changes), checked here with errors that name the file and the field.
 */
public final class RuleFields {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** Nanoseconds in a second, for the {@code ...Seconds} fields. */
    public static final long SECOND = 1_000_000_000L;

    private RuleFields() {
    }

    /** Parses {@code yaml} into {@code spec}; an empty file gives null (all defaults). */
    public static <T> T parse(String source, byte[] yaml, Class<T> spec) {
        try {
            return YAML.readValue(yaml, spec);
        } catch (JacksonException e) {
            throw new RulesException(DataFileErrors.describe(source, e));
        }
    }

    /** Reads {@code file} from {@code rules} into {@code spec}. */
    public static <T> T read(RuleSource rules, String file, Class<T> spec) {
        return parse(rules.describe(file), rules.read(file), spec);
    }

    public static int atLeast(String source, String field, Integer value, int fallback, int min) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new RulesException(source + " at " + field + ": " + value + " is below the minimum " + min);
        }
        return value;
    }

    public static long atLeast(String source, String field, Long value, long fallback, long min) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new RulesException(source + " at " + field + ": " + value + " is below the minimum " + min);
        }
        return value;
    }

    /** A share in (0, 1]. */
    public static double share(String source, String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0 && value <= 1)) {
            throw new RulesException(source + " at " + field + ": " + value + " must be above 0 and at most 1");
        }
        return value;
    }

    /** A positive number (rates, ratios). */
    public static double positive(String source, String field, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new RulesException(source + " at " + field + ": " + value + " must be a positive number");
        }
        return value;
    }

    public static Severity severity(String source, String field, String value, Severity fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Severity.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new RulesException(source + " at " + field + ": " + e.getMessage());
        }
    }

    /** The severity of a victim alert: a victim is not infected, so only {@code info} or {@code low}. */
    public static Severity victimSeverity(String source, String field, String value, Severity fallback) {
        Severity s = severity(source, field, value, fallback);
        if (s != Severity.INFO && s != Severity.LOW) {
            throw new RulesException(source + " at " + field + ": a victim is not infected, so info or low only");
        }
        return s;
    }

    /** Ports as evidence text: {@code 23,2323}. */
    public static String joinPorts(Collection<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        for (Integer p : ports) {
            sb.append(sb.isEmpty() ? "" : ",").append(p);
        }
        return sb.toString();
    }

    /** {@code ports} as a bitmap, so a detector checks a flow's port without boxing or hashing. */
    public static BitSet portBits(Collection<Integer> ports) {
        BitSet bits = new BitSet(65_536);
        for (Integer p : ports) {
            if (p != null && p >= 0 && p <= 65_535) {
                bits.set(p);
            }
        }
        return bits;
    }

    /** A non-empty set of ports 1-65535, or {@code fallback} when absent. */
    public static Set<Integer> ports(String source, String field, Collection<Integer> value, List<Integer> fallback) {
        Set<Integer> ports = new TreeSet<>();
        for (Integer p : value == null ? fallback : value) {
            if (p == null || p < 1 || p > 65_535) {
                throw new RulesException(source + " at " + field + ": " + p + " is not a port (1-65535)");
            }
            ports.add(p);
        }
        if (ports.isEmpty()) {
            throw new RulesException(source + " at " + field + ": must name at least one port");
        }
        return Set.copyOf(ports);
    }
}
