package dev.warden.lab.profile;

import java.util.Map;

/**
 * One service of a device profile, as written in {@code lab/profiles/*.yaml}.
 *
 * @param port     the port it listens on
 * @param protocol the {@link dev.warden.lab.net.ProtocolServer#name() protocol server} that answers it
 * @param tls      wrap the service in TLS (HTTPS, for instance), with the profile's certificate
 * @param when     a weakness id: the service runs only on devices where that weakness is planted (hidden telnet)
 * @param options  protocol-specific settings, read by the protocol server (banner, realm, routes...)
 */
public record ServiceSpec(int port, String protocol, boolean tls, String when, Map<String, Object> options) {
    public ServiceSpec {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A string option, or the default. */
    public String option(String key, String dflt) {
        Object v = options.get(key);
        return v == null ? dflt : v.toString();
    }
}
