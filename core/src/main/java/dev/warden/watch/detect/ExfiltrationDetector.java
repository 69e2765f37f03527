package dev.warden.watch.detect;

import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import dev.warden.watch.profile.FlowSide;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.profile.HostProfiles;
import dev.warden.watch.profile.PeerStats;
import dev.warden.watch.profile.PortUse;
import dev.warden.watch.profile.SharedProfiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds local devices sending their data out: after a device's learning period, the bytes it sends to each remote
 * host it did not meet while learning are summed per window; an upload (bytes out ≫ bytes in) that is large, or a
 * video stream or recording upload on a stream port, or a sustained high rate raises one {@code exfiltration} alert
 * naming the destination and the learned peers it is not among. Traffic to usual peers (a camera's recorder and
 * cloud) never counts. Works from flows alone, so pcap, Zeek and NetFlow input behave alike.
 */
public final class ExfiltrationDetector extends ProfiledDetector {
    /** The alert kind. */
    public static final String KIND = "exfiltration";

    private final ExfiltrationRules rules;
    private final LruMap<Pair, Upload> uploads;
    private final LruMap<IpAddress, Long> quietUntil;

    public ExfiltrationDetector(ExfiltrationRules rules, HostProfiles profiles) {
        this(rules, own(profiles));
    }

    ExfiltrationDetector(ExfiltrationRules rules, SharedProfiles.Reader profiles) {
        super(KIND, profiles);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.uploads = new LruMap<>(rules.maxTracked());
        this.quietUntil = new LruMap<>(rules.maxTracked());
    }

    /** Makes the detector from {@code exfiltration.yaml} and {@code profile.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new ExfiltrationDetector(ExfiltrationRules.load(c.rules()), profiles(c)));
        }
    }

    @Override
    void check(FlowSide side, HostProfile host, Consumer<Alert> out) {
        if (side.peerLocal() || side.bytesOut() == 0 || host.learnedPeer(side.peer())) {
            return;
        }
        Pair key = new Pair(side.host(), side.peer());
        Upload u = uploads.get(key);
        if (u == null || side.startNanos() - u.firstNanos >= rules.windowNanos()) {
            u = new Upload(side.startNanos());
            uploads.put(key, u);
        }
        u.add(side, rules.streamPorts().contains(side.port()));
        if (!u.isExfiltration(rules) || side.endNanos() < quietUntil.getOrDefault(side.host(), Long.MIN_VALUE)) {
            return;
        }
        quietUntil.put(side.host(), side.endNanos() + rules.suppressNanos());
        uploads.remove(key);
        out.accept(alert(side, host, u));
    }

    private Alert alert(FlowSide side, HostProfile host, Upload u) {
        List<PeerStats> learned = host.learnedPeers(false);
        learned.addAll(host.learnedPeers(true));
        List<String> sample = new ArrayList<>();
        for (PeerStats p : learned) {
            if (sample.size() < rules.peerSample()) {
                sample.add(p.address().toString());
            }
        }
        double seconds = Math.max(1e-9, u.durationNanos() / 1e9);
        StringBuilder ports = new StringBuilder();
        for (Integer k : u.ports) {
            ports.append(ports.isEmpty() ? "" : ",").append(PortUse.describe(k));
        }
        String evidence = String.format(Locale.ROOT,
                "sent %s to %s (%s%s) in %.0f s, %s/s, %s out : %s in; not among its %d learned peers%s",
                bytes(u.bytesOut), side.peer(), ports, u.streamBytes > 0 ? ", a stream/upload port" : "", seconds,
                bytes((long) (u.bytesOut / seconds)), bytes(u.bytesOut), bytes(u.bytesIn), learned.size(),
                sample.isEmpty() ? "" : " (" + String.join(", ", sample) + ")");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("bytes_out", u.bytesOut);
        counts.put("bytes_in", u.bytesIn);
        counts.put("duration_s", (long) seconds);
        counts.put("rate_bps", (long) (u.bytesOut * 8 / seconds));
        counts.put("flows", u.flows);
        counts.put("learned_peers", (long) learned.size());
        return new Alert(side.endNanos(), side.host().toString(), KIND, rules.severity(),
                List.of(side.peer().toString()), evidence, counts);
    }

    static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return n + " B";
    }

    /** (device, new remote) pairs and quiet entries dropped because their tables were full. */
    @Override
    long droppedState() {
        return uploads.dropped() + quietUntil.dropped();
    }

    private record Pair(IpAddress host, IpAddress peer) {
    }

    /** One device's traffic to one new remote in the current window. */
    private static final class Upload {
        final long firstNanos;
        long lastNanos;
        long bytesOut;
        long bytesIn;
        long streamBytes;
        long flows;
        final TreeSet<Integer> ports = new TreeSet<>();

        Upload(long firstNanos) {
            this.firstNanos = firstNanos;
            this.lastNanos = firstNanos;
        }

        void add(FlowSide side, boolean streamPort) {
            lastNanos = Math.max(lastNanos, side.endNanos());
            bytesOut += side.bytesOut();
            bytesIn += side.bytesIn();
            flows++;
            if (streamPort) {
                streamBytes += side.bytesOut();
            }
            if (ports.size() < 8) {
                ports.add(PortUse.key(side.protocol(), side.port()));
            }
        }

        long durationNanos() {
            return lastNanos - firstNanos;
        }

        boolean isExfiltration(ExfiltrationRules r) {
            if (bytesOut < r.minRatio() * bytesIn) {
                return false;
            }
            if (bytesOut >= r.minBytes() || streamBytes >= r.streamMinBytes()) {
                return true;
            }
            long d = durationNanos();
            return d >= r.minDurationNanos() && bytesOut * 1e9 / d >= r.minRate();
        }
    }
}
