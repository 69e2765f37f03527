package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.LruMap;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds hosts that sweep telnet, SSH and Mirai-family exploit ports: per source, the distinct destinations it sends a SYN
 * to on {@link ScanRules#ports()} within {@link ScanRules#windowNanos()}; reaching {@link ScanRules#minTargets()}
 * raises one {@code scan} alert, then the host is quiet for {@link ScanRules#suppressNanos()}. Only the client that
 * sent the SYN is counted, so a host that merely receives scans (or answers them, or is the victim of a spoofed
 * flood) is never alerted. The alert says when Mirai's scanner signature (SYN sequence number equal to the
 * destination address) is present. A second rule finds port scans (nmap's SYN scan): half-open SYNs (the host never
 * sends an ACK) to {@link ScanRules#minPorts()} distinct ports, any addresses, within the window. Time is the flows'
 * start time; state is bounded by {@link ScanRules#maxHosts()}. Only hosts in
 * the {@link LocalNetworks} are alerted on: a remote scanner is the internet's noise, not one of our devices.
 */
public final class ScanDetector implements Detector {
    /** The alert kind. */
    public static final String KIND = "scan";

    /** Distinct addresses a port scan's evidence counts at most (its threshold is ports, not addresses). */
    private static final int PORT_SCAN_TARGETS = 1024;

    private final ScanRules rules;
    /** {@code ports()} as a bitmap: checked on every flow. */
    private final BitSet ports;
    private final LocalNetworks local;
    private final LruMap<Addr, HostState> hosts;

    /** A detector alerting on local hosts only ({@code local}: the watched network's ranges). */
    public ScanDetector(ScanRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ports = RuleFields.portBits(rules.ports());
        this.local = Objects.requireNonNull(local, "local");
        this.hosts = new LruMap<>(rules.maxHosts());
    }

    /** Makes the detector from {@code scan.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new ScanDetector(ScanRules.load(c.rules()), c.local()));
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
        if (flow.protocol() != PacketView.PROTO_TCP || !flow.clientSyn()
                || !local.contains(flow.clientHigh(), flow.clientLow())) {
            return Optional.empty();
        }
        boolean sweep = ports.get(flow.serverPort());
        boolean halfOpen = rules.minPorts() > 0 && (flow.clientFlags() & PacketView.TCP_ACK) == 0;
        if (!sweep && !halfOpen) {
            return Optional.empty();
        }
        long t = flow.startNanos();
        HostState h = hosts.computeIfAbsent(new Addr(flow.clientHigh(), flow.clientLow()), a -> new HostState());
        if (t < h.quietUntil) {
            return Optional.empty();
        }
        Addr target = new Addr(flow.serverHigh(), flow.serverLow());
        if (halfOpen) {
            h.portScan.add(flow, target, rules.windowNanos(), PORT_SCAN_TARGETS, rules.peerSample());
            if (h.portScan.ports.size() >= rules.minPorts()) {
                return Optional.of(raise(h, portScan(flow, h.portScan, t), t));
            }
        }
        if (sweep) {
            h.sweep.add(flow, target, rules.windowNanos(), rules.minTargets(), rules.peerSample());
            if (h.sweep.targets.size() >= rules.minTargets()) {
                return Optional.of(raise(h, alert(flow, h.sweep, t), t));
            }
        }
        return Optional.empty();
    }

    /** Quiets the host for the suppression time and starts its windows afresh. */
    private Alert raise(HostState h, Alert alert, long t) {
        h.quietUntil = t + rules.suppressNanos();
        h.sweep.restart(t);
        h.portScan.restart(t);
        return alert;
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

    private Alert alert(FlowEvent flow, ProbeWindow h, long t) {
        boolean mirai = h.miraiSyns > 0 && h.miraiSyns >= rules.miraiShare() * h.syns;
        StringBuilder evidence = new StringBuilder()
                .append("SYNs to ").append(h.targets.size()).append(" distinct addresses on port")
                .append(h.ports.size() == 1 ? " " : "s ").append(join(h.ports))
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

    private Alert portScan(FlowEvent flow, ProbeWindow p, long t) {
        String evidence = String.format(java.util.Locale.ROOT, "half-open SYNs (no ACK from the host) to %d distinct "
                + "ports of %d addresses within %.1f s (window %d s): a port scan", p.ports.size(), p.targets.size(),
                (p.last - p.first) / 1e9, rules.windowNanos() / 1_000_000_000L);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("targets", (long) p.targets.size());
        counts.put("syns", p.syns);
        counts.put("mirai_syns", p.miraiSyns);
        counts.put("ports", (long) p.ports.size());
        return new Alert(t, flow.client(), KIND, rules.severity(), p.peers, evidence, counts);
    }

    private static String join(Set<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        for (Integer p : ports) {
            sb.append(sb.isEmpty() ? "" : ",").append(p);
        }
        return sb.toString();
    }

    /** An address as PacketView holds it. */
    private record Addr(long high, long low) {
    }

    /** One source's current windows, and when it may be alerted on again. */
    private static final class HostState {
        final ProbeWindow sweep = new ProbeWindow();
        final ProbeWindow portScan = new ProbeWindow();
        long quietUntil = Long.MIN_VALUE;
    }
}
