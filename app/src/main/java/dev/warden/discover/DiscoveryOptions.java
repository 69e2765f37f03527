package dev.warden.discover;

import dev.warden.scope.Scope;
import dev.warden.discover.probe.ProbeSettings;
import java.util.List;
import java.util.Objects;

/**
 * How a discovery scan behaves: what it may touch and how hard it pushes.
 *
 * @param scope             allow-list every target must be in ({@link Scope#LOOPBACK_ONLY} unless widened)
 * @param tcpPorts          TCP ports to try; empty means the plan's default IoT set
 * @param udp               whether to send the unicast SSDP and WS-Discovery probes
 * @param hostConcurrency   hosts scanned at once
 * @param connectLimit      TCP connects in flight at once, over all hosts
 * @param perHostLimit      TCP connects in flight at once to one host (devices fall over under a flood)
 * @param connectsPerSecond global rate of new TCP connects during the port scan
 * @param probes            time limits for the port scan and the protocol probes
 */
public record DiscoveryOptions(Scope scope, List<Integer> tcpPorts, boolean udp, int hostConcurrency, int connectLimit,
                               int perHostLimit, int connectsPerSecond, ProbeSettings probes) {
    public DiscoveryOptions {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(probes, "probes");
        tcpPorts = List.copyOf(tcpPorts);
        for (int p : tcpPorts) {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port out of range: " + p);
            }
        }
        if (hostConcurrency < 1 || connectLimit < 1 || perHostLimit < 1 || connectsPerSecond < 1) {
            throw new IllegalArgumentException("concurrency limits and the connect rate must be at least 1");
        }
    }

    /** Loopback scope, default ports, UDP on, 256 hosts / 1,024 connects / 16 per host at once, 5,000 connects/s. */
    public static DiscoveryOptions defaults() {
        return new DiscoveryOptions(Scope.LOOPBACK_ONLY, List.of(), true, 256, 1024, 16, 5000, ProbeSettings.DEFAULTS);
    }

    public DiscoveryOptions withScope(Scope s) {
        return new DiscoveryOptions(s, tcpPorts, udp, hostConcurrency, connectLimit, perHostLimit, connectsPerSecond, probes);
    }

    public DiscoveryOptions withTcpPorts(List<Integer> ports) {
        return new DiscoveryOptions(scope, ports, udp, hostConcurrency, connectLimit, perHostLimit, connectsPerSecond, probes);
    }

    public DiscoveryOptions withUdp(boolean on) {
        return new DiscoveryOptions(scope, tcpPorts, on, hostConcurrency, connectLimit, perHostLimit, connectsPerSecond, probes);
    }

    public DiscoveryOptions withConnectsPerSecond(int rate) {
        return new DiscoveryOptions(scope, tcpPorts, udp, hostConcurrency, connectLimit, perHostLimit, rate, probes);
    }

    public DiscoveryOptions withProbes(ProbeSettings p) {
        return new DiscoveryOptions(scope, tcpPorts, udp, hostConcurrency, connectLimit, perHostLimit, connectsPerSecond, p);
    }
}
