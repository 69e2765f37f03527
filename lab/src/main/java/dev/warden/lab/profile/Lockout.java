package dev.warden.lab.profile;

/**
 * Lock a client address out after repeated failed logins, as Hikvision and Dahua firmware do.
 *
 * @param attempts failed logins allowed before the lock
 * @param seconds  how long the lock lasts
 */
public record Lockout(int attempts, int seconds) {
}
