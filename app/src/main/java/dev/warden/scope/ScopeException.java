package dev.warden.scope;

/** A scan was refused before any packet left because a target lies outside the scope allow-list. */
public final class ScopeException extends TargetException {
    public ScopeException(String message) {
        super(message);
    }
}
