package dev.warden.watch.detect;

/** A detector rule file is wrong; the message names the file and the field. */
public final class RulesException extends IllegalArgumentException {
    public RulesException(String message) {
        super(message);
    }
}
