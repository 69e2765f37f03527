package dev.warden.discover.probe;

/**
 * Time limits for protocol probes. Short by default, since a scan of a thousand hosts must not wait long per silent
 * port; the exchange limit still leaves 5 s because weak camera CPUs (and a loaded lab) take seconds over a TLS
 * handshake or a two-step RTSP exchange when hundreds of clients ask at once.
 *
 * @param connectMillis  TCP connect timeout
 * @param exchangeMillis whole request/answer exchange (connect, TLS, request, answer)
 * @param bannerMillis   how long to wait for an unprompted banner
 * @param telnetMillis   how long to wait for a telnet greeting to reach its prompt
 * @param udpMillis      how long to wait for SSDP / WS-Discovery answers
 */
public record ProbeSettings(int connectMillis, int exchangeMillis, int bannerMillis, int telnetMillis, int udpMillis) {
    public static final ProbeSettings DEFAULTS = new ProbeSettings(1000, 5000, 1500, 2000, 1000);

    public ProbeSettings {
        if (connectMillis <= 0 || exchangeMillis <= 0 || bannerMillis <= 0 || telnetMillis <= 0 || udpMillis <= 0) {
            throw new IllegalArgumentException("probe timeouts must be positive");
        }
    }
}
