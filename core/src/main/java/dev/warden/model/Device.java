package dev.warden.model;

import java.util.List;
import java.util.Objects;

/**
 * A device on the network as Warden identifies it. Fields Warden could not establish are null, never guessed.
 *
 * @param ip         IPv4 or IPv6 address in text form
 * @param kind       camera, dvr, nvr, router, other or unknown
 * @param vendor     vendor family, or null
 * @param model      model, or null
 * @param hardware   hardware revision, or null
 * @param firmware   firmware version, or null
 * @param confidence 0..1, how sure the identification is
 * @param services   the services found on it
 */
public record Device(String ip, DeviceKind kind, String vendor, String model, String hardware, String firmware,
                     double confidence, List<Service> services) {
    public Device {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(kind, "kind");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        services = List.copyOf(services);
    }
}
