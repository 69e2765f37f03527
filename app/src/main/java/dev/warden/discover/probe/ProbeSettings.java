package dev.warden.discover.probe;

/**
 * Time limits for protocol probes. Short by default: on a LAN a device answers in milliseconds or not at all, and
 * a scan of a thousand hosts must not wait seconds per silent port.
 *
 * @param connectMillis  TCP connect timeout
 * @param exchangeMillis whole request/answer exchange (connect, TLS, request, answer)
 * @param bannerMillis   how long to wait for an unprompted banner
 * @param telnetMillis   how long to wait for a telnet greeting to reach its prompt
 * @param udpMillis      how long to wait for SSDP / WS-Discovery answers
 */
public record ProbeSettings(int connectMillis, int exchangeMillis, int bannerMillis, int telnetMillis, int udpMillis) {
    public static final ProbeSettings DEFAULTS = new ProbeSettings(1000, 3000, 1500, 2000, 1000);

    public ProbeSettings {
        if (connectMillis <= 0 || exchangeMillis <= 0 || bannerMillis <= 0 || telnetMillis <= 0 || udpMillis <= 0) {
            throw new IllegalArgumentException("probe timeouts must be positive");
        }
    }
}
