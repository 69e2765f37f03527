package dev.warden.advise.ingest;

/**
 * An advisory, feed or provider that cannot be read or is not acceptable: too large, not UTF-8, too deeply nested,
 * schema-invalid, failing a CSAF mandatory test, out of the allowed hosts, or too slow. The message says what and
 * where, in one line or a short list, and never contains credentials.
 */
public final class IngestException extends Exception {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
