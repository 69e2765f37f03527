package dev.warden.advise.version;

/** A version range Warden cannot read; its message says why. The product goes to the review queue. */
public class UnreadableRangeException extends Exception {
    public UnreadableRangeException(String message) {
        super(message);
    }
}
