package dev.warden.fingerprint;

/**
 * A fingerprint file that cannot be used: unreadable, malformed YAML, an unknown field, a bad regex or value. The
 * message names the file and the rule or field, so the author can fix it without reading engine code.
 */
public final class FingerprintException extends IllegalArgumentException {
    public FingerprintException(String message) {
        super(message);
    }

    public FingerprintException(String message, Throwable cause) {
        super(message, cause);
    }
}
