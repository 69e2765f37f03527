package dev.warden.advise.ingest;

import java.util.Objects;

/**
 * The raw bytes of one advisory and where they came from (a file path or a URL), before any parsing.
 *
 * @param location the file path or URL, shown in messages and stored with the revision
 * @param bytes    the document as read, never more than {@link IngestLimits#maxDocumentBytes()}
 */
public record Document(String location, byte[] bytes) {
    public Document {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(bytes, "bytes");
    }
}
