package dev.warden.lab.device;

/** The answer a simulated device gives to a login attempt. */
public enum LoginResult {
    /** Credentials accepted. */
    OK,
    /** Wrong user or password. */
    BAD,
    /** The client address is locked out after too many failures; the credentials were not even checked. */
    LOCKED
}
