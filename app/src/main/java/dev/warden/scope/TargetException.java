package dev.warden.scope;

/** A target or scope the user gave cannot be used: bad syntax, too many hosts, or outside the allowed scope. */
public class TargetException extends IllegalArgumentException {
    public TargetException(String message) {
        super(message);
    }
}
