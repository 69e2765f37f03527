package dev.warden.lab.config;

import java.util.Map;

/**
 * How {@code --count N} draws a fleet.
 *
 * @param firstAddress  the first generated device's address; the rest follow, skipping .0 and .255
 * @param profiles      profile id → weight
 * @param devicesPerRouter one router (with two camera port forwards) per this many devices; 0 for none
 * @param router        the router profile
 * @param slowRate      share of devices that answer slowly
 * @param slowDelayMs   their delay
 * @param flakyRate     share of devices that reset some connections
 * @param flakyDropRate the share of connections they reset
 */
public record FleetSpec(String firstAddress, Map<String, Integer> profiles, int devicesPerRouter, String router,
                        double slowRate, int slowDelayMs, double flakyRate, double flakyDropRate) {
    public FleetSpec {
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }
}
