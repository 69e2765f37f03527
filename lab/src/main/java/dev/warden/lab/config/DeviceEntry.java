package dev.warden.lab.config;

import java.util.List;

/**
 * One device of a lab file.
 *
 * @param name         unique name, used in the manifest and as the target of port mappings
 * @param profile      profile id
 * @param address      loopback address, inside 127.0.0.0/8
 * @param firmware     firmware version of the profile; the profile's first when omitted
 * @param hardware     hardware revision; the profile's first when omitted
 * @param behaviour    slow or flaky; normal when omitted
 * @param portMappings UPnP port forwards (routers only)
 */
public record DeviceEntry(String name, String profile, String address, String firmware, String hardware,
                          BehaviourEntry behaviour, List<PortMappingEntry> portMappings) {
    public DeviceEntry {
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
    }

    /** @param delayMs response delay; @param dropRate share of connections reset */
    public record BehaviourEntry(int delayMs, double dropRate) {
    }

    /**
     * @param externalPort WAN port
     * @param protocol     TCP (default) or UDP
     * @param internal     the name of a device in the same lab, or a loopback address
     * @param internalPort port on it
     * @param description  as the device that asked for the forward named it
     */
    public record PortMappingEntry(int externalPort, String protocol, String internal, int internalPort,
                                   String description) {
    }
}
