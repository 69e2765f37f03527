package dev.warden.advise.store;

import dev.warden.model.Advisory;

/**
 * A validated advisory revision about to be stored, with its exact bytes.
 *
 * @param advisory the advisory as read
 * @param sha256   of {@code rawJson}'s bytes
 * @param source   the file or URL it came from
 * @param rawJson  the document text
 */
public record NewRevision(Advisory advisory, String sha256, String source, String rawJson) {
}
