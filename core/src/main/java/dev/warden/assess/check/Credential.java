package dev.warden.assess.check;

import java.util.Objects;

/**
 * A user name and password a check tries. {@link #toString()} never shows the password: anything that prints a
 * credential by accident prints it redacted.
 */
public record Credential(String user, String password) {
    public Credential {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** How a secret appears in every output: {@code (blank)} when empty, {@code ****} otherwise. */
    public static String redact(String secret) {
        return secret == null || secret.isEmpty() ? "(blank)" : "****";
    }

    /** {@code admin/(blank)}, {@code root/****}. */
    @Override
    public String toString() {
        return user + "/" + redact(password);
    }
}
