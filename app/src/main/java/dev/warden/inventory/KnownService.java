package dev.warden.inventory;

import dev.warden.model.Service;

/** A service in the inventory, with when Warden first and last saw it open (epoch ms). */
public record KnownService(Service service, long firstSeen, long lastSeen) {
}
