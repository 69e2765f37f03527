package dev.warden.advise.ingest;

/** Receives what a {@link DocumentReader} reads, one document or one failure at a time, so nothing piles up. */
public interface DocumentSink {
    /** A document was read (not yet validated). */
    void document(Document d);

    /** A document, feed or whole source could not be read; {@code reason} says why. */
    void rejected(String location, String reason);

    /** Something the user should know that rejects nothing, e.g. a document-count limit reached. */
    void warning(String message);
}
