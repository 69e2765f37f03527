package dev.warden.advise.version;

/** What a {@link VersionRange} says of one version. */
public enum Verdict {
    /** Inside the range: affected by what the range describes. */
    IN,
    /** Outside the range. */
    OUT,
    /** The range's bounds are all on other firmware lines: it says nothing about this version. */
    NOT_JUDGED,
    /** Cannot be decided (masked version {@code 2.x.2.43}, unknown firmware line): a person must look. */
    UNKNOWN
}
