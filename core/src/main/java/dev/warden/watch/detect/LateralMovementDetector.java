package dev.warden.watch.detect;

import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import dev.warden.watch.profile.FlowSide;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.profile.HostProfiles;
import dev.warden.watch.profile.PortUse;
import dev.warden.watch.profile.SharedProfiles;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds local devices attacking their own network: after a device's learning period, connections it opens to other
 * local hosts on admin ports ({@link LateralMovementRules#adminPorts()}) are counted when unusual for it — a LAN host
 * it never talked to while learning, or an admin port it never used — and {@link LateralMovementRules#minTargets()}
 * distinct targets in a window raise one {@code lateral-movement} alert listing targets and ports. Reading the
 * device's profile is what keeps a recorder pulling streams from its cameras, or a router, quiet on its usual peers.
 */
public final class LateralMovementDetector extends ProfiledDetector {
    /** The alert kind. */
    public static final String KIND = "lateral-movement";

    private final LateralMovementRules rules;
    /** {@code adminPorts()} as a bitmap: checked on every flow. */
    private final BitSet adminPorts;
    private final LruMap<IpAddress, Window> windows;

    public LateralMovementDetector(LateralMovementRules rules, HostProfiles profiles) {
        this(rules, own(profiles));
    }

    LateralMovementDetector(LateralMovementRules rules, SharedProfiles.Reader profiles) {
        super(KIND, profiles);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.adminPorts = RuleFields.portBits(rules.adminPorts());
        this.windows = new LruMap<>(rules.maxHosts());
    }

    /** Makes the detector from {@code lateral-movement.yaml} and {@code profile.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new LateralMovementDetector(LateralMovementRules.load(c.rules()), profiles(c)));
        }
    }

    @Override
    void check(FlowSide side, HostProfile host, Consumer<Alert> out) {
        if (!side.client() || !side.peerLocal() || !adminPorts.get(side.port()) || usual(host, side)) {
            return;
        }
        long t = side.startNanos();
        Window w = windows.computeIfAbsent(side.host(), h -> new Window());
        if (t < w.quietUntil) {
            return;
        }
        if (w.targets.isEmpty() || t - w.start >= rules.windowNanos()) {
            w.restart(t);
        }
        w.ports.add(side.port());
        w.flows++;
        w.last = Math.max(w.last, t);
        if (w.targets.add(side.peer()) && w.peers.size() < rules.peerSample()) {
            w.peers.add(side.peer().toString());
        }
        if (w.targets.size() >= rules.minTargets()) {
            out.accept(alert(side, host, w));
            w.quietUntil = t + rules.suppressNanos();
            w.restart(t);
        }
    }

    /** A learned LAN peer reached on an admin port the device already used while learning. */
    private static boolean usual(HostProfile host, FlowSide side) {
        PortUse port = host.used(side.protocol(), side.port());
        return host.learnedPeer(side.peer()) && port != null && port.learned();
    }

    private Alert alert(FlowSide side, HostProfile host, Window w) {
        StringBuilder ports = new StringBuilder();
        for (Integer p : w.ports) {
            ports.append(ports.isEmpty() ? "" : ",").append(p);
        }
        int learnedLan = host.learnedPeers(true).size();
        String evidence = "opened " + w.flows + " connections on admin port" + (w.ports.size() == 1 ? " " : "s ")
                + ports + " to " + w.targets.size() + " LAN hosts within " + (w.last - w.start) / RuleFields.SECOND
                + " s (window " + rules.windowNanos() / RuleFields.SECOND + " s); none is a LAN peer it reached on that port"
                + " while learning (it learned " + learnedLan + " LAN peers)";
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("targets", (long) w.targets.size());
        counts.put("ports", (long) w.ports.size());
        counts.put("flows", w.flows);
        counts.put("learned_lan_peers", (long) learnedLan);
        return new Alert(side.startNanos(), side.host().toString(), KIND, rules.severity(), w.peers,
                evidence, counts);
    }

    /** Windows dropped because {@link LateralMovementRules#maxHosts()} devices were tracked. */
    @Override
    long droppedState() {
        return windows.dropped();
    }

    /** One device's current window of unusual admin connections. */
    private static final class Window {
        final Set<IpAddress> targets = new HashSet<>();
        final Set<Integer> ports = new TreeSet<>();
        final List<String> peers = new ArrayList<>();
        long start;
        long last;
        long flows;
        long quietUntil = Long.MIN_VALUE;

        void restart(long t) {
            targets.clear();
            ports.clear();
            peers.clear();
            start = t;
            last = t;
            flows = 0;
        }
    }
}
