package dev.warden.watch.eval;

/** A truth file is not valid; the message names the file and the field. */
public final class TruthException extends RuntimeException {
    public TruthException(String message) {
        super(message);
    }
}
