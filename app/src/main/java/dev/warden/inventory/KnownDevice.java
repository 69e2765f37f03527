package dev.warden.inventory;

import dev.warden.model.Device;
import java.util.List;

/**
 * A device in the inventory: the best identification Warden has (a field unknown to the latest scan keeps its last
 * known value) and its history.
 *
 * @param device         identification and the services open now
 * @param mac            MAC address when known, else null
 * @param firmwareSource where the firmware version was read ("discovery", or the source an assessment gave), or null
 * @param firstSeen      epoch ms
 * @param lastSeen       epoch ms
 * @param present        false once a scan of its address missed it, until one sees it again
 * @param services       the services open now, with first/last seen, in port order
 */
public record KnownDevice(Device device, String mac, String firmwareSource, long firstSeen, long lastSeen,
                          boolean present, List<KnownService> services) {
    public KnownDevice {
        services = List.copyOf(services);
    }
}
