package dev.warden.advise.store;

/**
 * One imported revision of an advisory.
 *
 * @param advisoryId the tracking id
 * @param revision   the tracking version
 * @param released   epoch ms of its current release date, or null
 * @param sha256     of the bytes as imported
 * @param source     the file or URL it came from
 * @param importedAt epoch ms
 * @param current    whether it is the revision in force
 */
public record RevisionRow(String advisoryId, String revision, Long released, String sha256, String source,
                          long importedAt, boolean current) {
}
