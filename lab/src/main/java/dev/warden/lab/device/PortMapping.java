package dev.warden.lab.device;

/**
 * A UPnP IGD port forward on a simulated router: external port → internal client:port.
 *
 * @param externalPort   port on the router's WAN side
 * @param protocol       TCP or UDP
 * @param internalClient LAN address the router forwards to
 * @param internalPort   port on that address
 * @param description    NewPortMappingDescription, as the device that asked for it named it
 * @param leaseSeconds   0 for permanent
 */
public record PortMapping(int externalPort, String protocol, String internalClient, int internalPort,
                          String description, int leaseSeconds) {
}
