package dev.warden.lab.profile;

/**
 * A weakness the lab can plant on a device: the ground truth that Warden's checks are scored against.
 *
 * @param id    kebab-case id used by profiles and written to the manifest
 * @param title one line
 * @param cve   CVE ids, when the weakness has them
 */
public record Weakness(String id, String title, java.util.List<String> cve) {
    public Weakness {
        cve = cve == null ? java.util.List.of() : java.util.List.copyOf(cve);
    }
}
