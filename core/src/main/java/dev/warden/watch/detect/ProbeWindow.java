package dev.warden.watch.detect;

import dev.warden.watch.flow.FlowEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One host's probes of one kind in the current window, for {@link ScanDetector}: the SYNs of a telnet/exploit-port
 * sweep, or the half-open SYNs of a port scan. Memory is bounded: distinct targets are counted up to a cap (the sweep's
 * threshold, or the port-scan evidence's), and the window ends with an alert once a threshold is reached.
 */
final class ProbeWindow {
    final Set<Integer> ports = new TreeSet<>();
    final Set<Object> targets = new HashSet<>();
    final List<String> peers = new ArrayList<>();
    long windowStart;
    long first;
    long last;
    long syns;
    long miraiSyns;

    /**
     * Adds the probe {@code flow} (its start time, server port and address), opening a new window when the current
     * one is over; {@code target} (the server as a key) joins the distinct targets while fewer than {@code targetCap}
     * are held, and the first {@code peerSample} are named.
     */
    void add(FlowEvent flow, Object target, long windowNanos, int targetCap, int peerSample) {
        long t = flow.startNanos();
        if (syns == 0 || t - windowStart >= windowNanos) {
            restart(t);
        }
        syns++;
        if (flow.synSeqIsDestination()) {
            miraiSyns++;
        }
        first = Math.min(first, t);
        last = Math.max(last, t);
        ports.add(flow.serverPort());
        if (targets.size() < targetCap && targets.add(target) && peers.size() < peerSample) {
            peers.add(flow.server());
        }
    }

    void restart(long t) {
        ports.clear();
        targets.clear();
        peers.clear();
        windowStart = t;
        first = t;
        last = t;
        syns = 0;
        miraiSyns = 0;
    }
}
