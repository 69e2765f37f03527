package dev.warden.remediation;

import dev.warden.model.KnownExploited;
import dev.warden.model.Severity;
import dev.warden.settings.IntTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long a device may stay vulnerable: days by severity from {@code content/remediation/due-days.yaml}, or CISA's
 * KEV due date when that is earlier (advisories.md §3.5: the SLA is the minimum of both).
 */
public final class DuePolicy {
    public static final String RESOURCE = "content/remediation/due-days.yaml";
    private static final Set<String> NAMES = Arrays.stream(Severity.values()).map(Severity::wireName).collect(Collectors.toSet());

    private final Map<String, Integer> days;

    private DuePolicy(Map<String, Integer> days) {
        this.days = days;
    }

    /** The shipped policy. */
    public static DuePolicy load() {
        return new DuePolicy(IntTable.load(RESOURCE, NAMES));
    }

    /** A policy from another file's bytes; {@code source} names it in errors. */
    public static DuePolicy parse(String source, byte[] yaml) {
        return new DuePolicy(IntTable.parse(source, yaml, NAMES));
    }

    public int days(Severity s) {
        return days.get(s.wireName());
    }

    /** When an item found at {@code opened} falls due. */
    public Instant due(Severity severity, Instant opened, KnownExploited kev) {
        Instant bySeverity = opened.plus(days(severity), ChronoUnit.DAYS);
        if (kev != null && kev.dueDate() != null) {
            Instant byKev = kev.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return byKev.isBefore(bySeverity) ? byKev : bySeverity;
        }
        return bySeverity;
    }

    /** The UTC day of an instant, the unit reminders are deduplicated by. */
    public static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
