package dev.warden.remediation;

/**
 * Decides whether a device's firmware has reached the first fixed firmware an advisory names. This is the seam for
 * the advisory matcher's version comparator (per-firmware-line rules) once it is merged; until then
 * {@link #SIMPLE} compares dotted numbers.
 */
@FunctionalInterface
public interface VersionOrder {
    /** Compares segment by segment: numbers numerically, other text case-insensitively; a missing segment is 0. */
    VersionOrder SIMPLE = (current, fixed) -> SimpleVersions.compare(current, fixed) >= 0;

    /** Whether {@code current} is {@code fixed} or later; false when either cannot be read. */
    boolean reached(String current, String fixed);
}
