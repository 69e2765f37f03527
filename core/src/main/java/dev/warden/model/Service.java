package dev.warden.model;

import java.util.Objects;

/**
 * One network service of a device: where it listens and what it is.
 *
 * @param port      1..65535
 * @param transport tcp or udp
 * @param name      protocol name as Warden knows it ("http", "rtsp", "telnet", ...)
 * @param product   product as the service presents itself, or null when unknown
 * @param version   product version, or null when unknown
 */
public record Service(int port, Transport transport, String name, String product, String version) {
    public Service {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(name, "name");
    }
}
