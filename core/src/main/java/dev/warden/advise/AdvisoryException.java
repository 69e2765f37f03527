package dev.warden.advise;

/**
 * An advisory document (or KEV catalog) that cannot be read: too large, too deep, not JSON, or missing what Warden
 * needs. The message names the source and, where it applies, the JSON pointer of the offending value.
 */
public class AdvisoryException extends Exception {
    public AdvisoryException(String message) {
        super(message);
    }

    public AdvisoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
