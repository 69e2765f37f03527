package dev.warden.lab.device;

/** A resolved login account on one simulated device. */
public record Account(String service, String user, String password) {
}
