package dev.warden.watch.detect;

import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.profile.FlowSide;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.profile.HostProfiles;
import dev.warden.watch.profile.PeerStats;
import dev.warden.watch.profile.PortUse;
import dev.warden.watch.profile.SharedProfiles;
import dev.warden.watch.profile.VolumeBuckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Flags a local device that, after its learning period, does what it never did while learning: opens flows to many
 * remote hosts it never met, uses or serves a port it never did, or sends far more per bucket than it ever did. At
 * most one {@code anomaly} alert per device per window, listing every novelty seen so far in it; once reported a
 * destination or port is part of the device's profile, so a lasting change is not re-reported every window. Only
 * what the device itself opens or answers counts, so being scanned from outside is never an anomaly. The alert is
 * raised as soon as one threshold is crossed; it is {@link BaselineRules#severityMany()} when by then two or three
 * kinds of novelty (new destinations, new ports, a volume jump) are present.
 */
public final class BaselineDetector extends ProfiledDetector {
    /** The alert kind, also this detector's name and rule file ({@code anomaly.yaml}). */
    public static final String KIND = "anomaly";

    private final BaselineRules rules;
    private final AddressLru<Window> windows;

    public BaselineDetector(BaselineRules rules, HostProfiles profiles) {
        this(rules, own(profiles));
    }

    BaselineDetector(BaselineRules rules, SharedProfiles.Reader profiles) {
        super(KIND, profiles);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.windows = new AddressLru<>(rules.maxHosts());
    }

    /** Makes the detector from {@code anomaly.yaml} and {@code profile.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new BaselineDetector(BaselineRules.load(c.rules()), profiles(c)));
        }
    }

    @Override
    void check(FlowSide side, HostProfile host, Consumer<Alert> out) {
        boolean newDestination = side.client() && !side.peerLocal() && firstContact(host.peer(side.peer()));
        PortUse port = side.client() ? host.used(side.protocol(), side.port())
                : side.answered() ? host.served(side.protocol(), side.port()) : null;
        boolean unusualPort = port != null && !port.learned() && side.port() <= rules.maxPort();
        boolean jump = volumeJump(host.volume());
        long t = side.startNanos();
        IpAddress a = side.host();
        Window w = windows.get(a.version(), a.high(), a.low());
        boolean expired = w != null && t - w.start >= rules.windowNanos();
        if (w == null || expired) {
            if (!newDestination && !(unusualPort && port.flows() == 1) && !jump) {
                return;
            }
            w = new Window(t);
            if (expired) {
                windows.replace(a.version(), a.high(), a.low(), w);
            } else {
                windows.add(a.version(), a.high(), a.low(), w);
            }
        }
        if (newDestination) {
            w.newDestinations++;
            if (w.sample.size() < rules.peerSample()) {
                w.sample.add(side.peer().toString());
            }
        }
        if (unusualPort && (port.flows() == 1 || w.ports.containsKey(port.key()))) {
            w.ports.merge(port.key(), 1L, Long::sum);
        }
        if (jump) {
            w.bytesOut = host.volume().currentBytesOut();
            w.learnedMax = host.volume().learnedMaxBytesOut();
        }
        if (!w.fired && w.anomalous(rules)) {
            w.fired = true;
            out.accept(alert(side, host, w));
        }
    }

    /** True when this flow was the device's first with the peer. */
    private static boolean firstContact(PeerStats peer) {
        return peer != null && !peer.learned() && peer.flowsOpened() + peer.flowsAccepted() == 1;
    }

    private boolean volumeJump(VolumeBuckets v) {
        long max = v.learnedMaxBytesOut();
        return max > 0 && v.currentBytesOut() >= rules.minVolumeBytes()
                && v.currentBytesOut() > rules.volumeFactor() * max;
    }

    private Alert alert(FlowSide side, HostProfile host, Window w) {
        List<String> parts = new ArrayList<>();
        if (w.newDestinations > 0) {
            parts.add(w.newDestinations + " new remote destinations");
        }
        if (!w.ports.isEmpty()) {
            StringBuilder ports = new StringBuilder();
            for (Map.Entry<Integer, Long> e : w.ports.entrySet()) {
                ports.append(ports.isEmpty() ? "" : ", ").append(PortUse.describe(e.getKey())).append(" (")
                        .append(e.getValue()).append(" flows)");
            }
            parts.add("new ports " + ports);
        }
        if (w.bytesOut > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "%s out this bucket, %.0fx its largest learned bucket (%s)",
                    ExfiltrationDetector.bytes(w.bytesOut), (double) w.bytesOut / w.learnedMax,
                    ExfiltrationDetector.bytes(w.learnedMax)));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("new_destinations", w.newDestinations);
        counts.put("new_ports", (long) w.ports.size());
        counts.put("bytes_out_bucket", w.bytesOut);
        counts.put("learned_max_bytes_out", host.volume().learnedMaxBytesOut());
        counts.put("learned_peers", (long) (host.learnedPeers(false).size() + host.learnedPeers(true).size()));
        String evidence = "after learning (" + host.flows() + " flows since "
                + java.time.Instant.ofEpochSecond(0, host.firstNanos()) + "): " + String.join("; ", parts);
        return new Alert(side.startNanos(), side.host().toString(), KIND,
                parts.size() >= 2 ? rules.severityMany() : rules.severity(), w.sample, evidence, counts);
    }

    /** Windows dropped because {@link BaselineRules#maxHosts()} devices were tracked. */
    @Override
    long droppedState() {
        return windows.dropped();
    }

    /** One device's current window of novelties. */
    private static final class Window {
        final long start;
        long newDestinations;
        final List<String> sample = new ArrayList<>();
        final Map<Integer, Long> ports = new TreeMap<>();
        long bytesOut;
        long learnedMax;
        boolean fired;

        Window(long start) {
            this.start = start;
        }

        boolean anomalous(BaselineRules r) {
            if (newDestinations >= r.minNewDestinations() || bytesOut > 0) {
                return true;
            }
            for (long flows : ports.values()) {
                if (flows >= r.minNewPortFlows()) {
                    return true;
                }
            }
            return false;
        }
    }
}
