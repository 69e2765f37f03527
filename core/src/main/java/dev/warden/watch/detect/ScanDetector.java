package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds hosts that sweep telnet and Mirai-family exploit ports: per source, the distinct destinations it sends a SYN
 * to on {@link ScanRules#ports()} within {@link ScanRules#windowNanos()}; reaching {@link ScanRules#minTargets()}
 * raises one {@code scan} alert, then the host is quiet for {@link ScanRules#suppressNanos()}. Only the client that
 * sent the SYN is counted, so a host that merely receives scans (or answers them, or is the victim of a spoofed
 * flood) is never alerted. The alert says when Mirai's scanner signature (SYN sequence number equal to the
 * destination address) is present. Time is the flows' start time; state is bounded by {@link ScanRules#maxHosts()}. Only hosts in
 * the {@link LocalNetworks} are alerted on: a remote scanner is the internet's noise, not one of our devices.
 */
public final class ScanDetector implements Detector {
    /** The alert kind. */
    public static final String KIND = "scan";

    private final ScanRules rules;
    /** {@code ports()} as a bitmap: checked on every flow. */
    private final BitSet ports;
    private final LocalNetworks local;
    private final BoundedMap<Addr, HostState> hosts;

    /** A detector alerting on local hosts only ({@code local}: the watched network's ranges). */
    public ScanDetector(ScanRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ports = RuleFields.portBits(rules.ports());
        this.local = Objects.requireNonNull(local, "local");
        this.hosts = new BoundedMap<>(rules.maxHosts());
    }

    /** Makes the detector from {@code scan.yaml}. */
    public static final class Provider implements DetectorProvider {
        @Override
        public String name() {
            return KIND;
        }

        @Override
        public Detector create(DetectorContext context) {
            return new ScanDetector(ScanRules.load(context.rules()), context.local());
        }
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public void onFlow(FlowEvent flow, Consumer<Alert> out) {
        check(flow).ifPresent(out);
    }

    /** Feeds one finished flow; returns an alert when this flow made its client a scanner. */
    public Optional<Alert> check(FlowEvent flow) {
        if (flow.protocol() != PacketView.PROTO_TCP || !flow.clientSyn() || !ports.get(flow.serverPort())
                || !local.contains(flow.clientHigh(), flow.clientLow())) {
            return Optional.empty();
        }
        long t = flow.startNanos();
        HostState h = hosts.computeIfAbsent(new Addr(flow.clientHigh(), flow.clientLow()), a -> new HostState());
        if (t < h.quietUntil) {
            return Optional.empty();
        }
        if (h.targets.isEmpty() || t - h.windowStart >= rules.windowNanos()) {
            h.restart(t);
        }
        h.syns++;
        if (flow.synSeqIsDestination()) {
            h.miraiSyns++;
        }
        h.ports.add(flow.serverPort());
        h.first = Math.min(h.first, t);
        h.last = Math.max(h.last, t);
        if (h.targets.add(new Addr(flow.serverHigh(), flow.serverLow())) && h.peers.size() < rules.peerSample()) {
            h.peers.add(flow.server());
        }
        if (h.targets.size() < rules.minTargets()) {
            return Optional.empty();
        }
        Alert alert = alert(flow, h, t);
        h.quietUntil = t + rules.suppressNanos();
        h.restart(t);
        return Optional.of(alert);
    }

    /** Hosts dropped from the table because it held {@link ScanRules#maxHosts()}. */
    @Override
    public long dropped() {
        return hosts.dropped();
    }

    /** Hosts tracked now. */
    public int trackedHosts() {
        return hosts.size();
    }

    private Alert alert(FlowEvent flow, HostState h, long t) {
        boolean mirai = h.miraiSyns > 0 && h.miraiSyns >= rules.miraiShare() * h.syns;
        StringBuilder evidence = new StringBuilder()
                .append("SYNs to ").append(h.targets.size()).append(" distinct addresses on port")
                .append(h.ports.size() == 1 ? " " : "s ").append(RuleFields.joinPorts(h.ports))
                .append(String.format(java.util.Locale.ROOT, " within %.1f s (window %d s)",
                        (h.last - h.first) / 1e9, rules.windowNanos() / 1_000_000_000L));
        if (h.miraiSyns > 0) {
            evidence.append("; Mirai SYN signature: ").append(h.miraiSyns).append(" of ").append(h.syns)
                    .append(" SYNs had seq == destination address");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("targets", (long) h.targets.size());
        counts.put("syns", h.syns);
        counts.put("mirai_syns", h.miraiSyns);
        counts.put("ports", (long) h.ports.size());
        return new Alert(t, flow.client(), KIND, mirai ? rules.miraiSeverity() : rules.severity(), h.peers,
                evidence.toString(), counts);
    }

    /** An address as PacketView holds it. */
    private record Addr(long high, long low) {
    }

    /** One source's current window. */
    private static final class HostState {
        final Set<Addr> targets = new HashSet<>();
        final Set<Integer> ports = new TreeSet<>();
        final List<String> peers = new ArrayList<>();
        long windowStart;
        long first;
        long last;
        long syns;
        long miraiSyns;
        long quietUntil = Long.MIN_VALUE;

        void restart(long t) {
            targets.clear();
            ports.clear();
            peers.clear();
            windowStart = t;
            first = t;
            last = t;
            syns = 0;
            miraiSyns = 0;
        }
    }
}
