package dev.warden.watch.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One host's half-open probes (a SYN never followed by the host's ACK) in the current window, for the port-scan rule
 * of {@link ScanDetector}: nmap's SYN scan probes many ports of a few hosts, which the telnet/exploit-port sweep rule
 * never sees. Sets are bounded by the rule's threshold: the window ends with an alert when it is reached.
 */
final class PortProbes {
    final Set<Integer> ports = new HashSet<>();
    final Set<Object> targets = new HashSet<>();
    final List<String> peers = new ArrayList<>();
    long windowStart;
    long first;
    long last;
    long probes;

    /** Adds one probe at {@code t}, opening a new window when the current one is over. */
    void add(long t, long windowNanos, int port, Object target, String peer, int peerSample) {
        if (ports.isEmpty() || t - windowStart >= windowNanos) {
            restart(t);
        }
        probes++;
        first = Math.min(first, t);
        last = Math.max(last, t);
        ports.add(port);
        if (targets.add(target) && peers.size() < peerSample) {
            peers.add(peer);
        }
    }

    void restart(long t) {
        ports.clear();
        targets.clear();
        peers.clear();
        windowStart = t;
        first = t;
        last = t;
        probes = 0;
    }
}
