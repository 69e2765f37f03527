package dev.warden.watch.detect.c2;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.detect.NamedProvider;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Periodic beaconing, from flows alone (so pcap, Zeek and NetFlow inputs all work): per local host, remote server and
 * port, the start times and sizes of the last {@link BeaconRules#samples()} flows. When at least
 * {@link BeaconRules#minFlows()} of them start at regular gaps (median absolute deviation of the gaps within
 * {@link BeaconRules#maxJitter()} of their median) and are small and alike in size, that is the {@code beacon}
 * signal. Median and MAD rather than mean and standard deviation, so one missed or retried beacon does not hide the
 * rhythm. Housekeeping ports ({@link BeaconRules#ignorePorts()}) are skipped: NTP and DNS are periodic by design.
 */
public final class BeaconDetector implements Detector {
    /** The detector's name and rule file stem. */
    public static final String NAME = "c2-beacon";

    private final BeaconRules rules;
    /** {@code ignorePorts()} as a bitmap: checked on every flow. */
    private final BitSet ignorePorts;
    private final LocalNetworks local;
    /** Per host, server, port and protocol (folded into the key's int with the IP version). */
    private final AddressLru<Series> series;

    public BeaconDetector(BeaconRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ignorePorts = RuleFields.portBits(rules.ignorePorts());
        this.local = Objects.requireNonNull(local, "local");
        this.series = new AddressLru<>(rules.maxPairs());
    }

    /** Makes the detector from {@code c2-beacon.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(NAME, c -> new BeaconDetector(BeaconRules.load(c.rules()), c.local()));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onFlow(FlowEvent flow, Consumer<Alert> out) {
        if (!isBeat(flow) || ignorePorts.get(flow.serverPort())
                || !local.contains(flow.clientHigh(), flow.clientLow())
                || local.contains(flow.serverHigh(), flow.serverLow())) {
            return;
        }
        int tag = flow.ipVersion() | flow.protocol() << 8 | flow.serverPort() << 16;
        Series s = series.get(tag, flow.clientHigh(), flow.clientLow(), flow.serverHigh(), flow.serverLow());
        if (s == null) {
            s = new Series(rules.samples());
            series.add(tag, flow.clientHigh(), flow.clientLow(), flow.serverHigh(), flow.serverLow(), s);
        }
        s.add(flow.startNanos(), flow.clientBytes(), flow.serverBytes());
        long t = flow.endNanos();
        if (s.count < rules.minFlows() || s.alertedAt != Long.MIN_VALUE && t - s.alertedAt < rules.suppressNanos()) {
            return;
        }
        Rhythm r = s.rhythm();
        if (r.gap >= rules.minIntervalNanos() && r.gap <= rules.maxIntervalNanos()
                && r.gapMad <= rules.maxJitter() * r.gap && r.bytes <= rules.maxClientBytes()
                && r.bytesMad <= rules.maxSizeJitter() * Math.max(1, r.bytes)) {
            s.alertedAt = t;
            out.accept(alert(flow, r, t));
        }
    }

    @Override
    public long dropped() {
        return series.dropped();
    }

    /**
     * A beat is a new conversation: a TCP flow its client opened with a SYN (not the rest of a session split by the
     * flow timeouts), or a UDP flow not cut by the active timeout (the pieces of one long stream would otherwise beat
     * at exactly that timeout).
     */
    private static boolean isBeat(FlowEvent flow) {
        if (flow.protocol() == PacketView.PROTO_TCP) {
            return flow.clientSyn();
        }
        return flow.protocol() == PacketView.PROTO_UDP && flow.reason() != EndReason.ACTIVE;
    }

    private Alert alert(FlowEvent flow, Rhythm r, long t) {
        String peer = new IpAddress(flow.ipVersion(), flow.serverHigh(), flow.serverLow()) + ":" + flow.serverPort();
        String evidence = String.format(Locale.ROOT,
                "%d %s flows to %s start every %.1f s (median absolute deviation %.2f s); median %d bytes sent, "
                        + "%d received per flow",
                r.n, flow.protocol() == PacketView.PROTO_TCP ? "TCP" : "UDP", peer, r.gap / 1e9, r.gapMad / 1e9,
                r.bytes, r.received);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("flows", (long) r.n);
        counts.put("interval_ms", r.gap / 1_000_000);
        counts.put("jitter_ms", r.gapMad / 1_000_000);
        counts.put("bytes_per_flow", r.bytes);
        counts.put("port", (long) flow.serverPort());
        return C2Alert.of(t, new IpAddress(flow.ipVersion(), flow.clientHigh(), flow.clientLow()).toString(), rules.severity(), "beacon", List.of(peer), evidence, counts);
    }

    /** Median of a sorted array. */
    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Median absolute deviation from {@code median}. */
    private static long mad(long[] values, long median) {
        long[] d = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Math.abs(values[i] - median);
        }
        Arrays.sort(d);
        return median(d);
    }

    /** The rhythm of a series: median gap and its spread, median sizes and their spread. */
    private record Rhythm(int n, long gap, long gapMad, long bytes, long bytesMad, long received) {
    }

    /** The last flows of one series in a ring. */
    private static final class Series {
        final long[] starts;
        final long[] sent;
        final long[] received;
        int count;
        int next;
        long alertedAt = Long.MIN_VALUE;

        Series(int capacity) {
            starts = new long[capacity];
            sent = new long[capacity];
            received = new long[capacity];
        }

        void add(long start, long clientBytes, long serverBytes) {
            starts[next] = start;
            sent[next] = clientBytes;
            received[next] = serverBytes;
            next = (next + 1) % starts.length;
            count = Math.min(count + 1, starts.length);
        }

        /** Judged over the flows held, in start order (flows end, and so arrive, out of start order). */
        Rhythm rhythm() {
            long[] t = Arrays.copyOf(starts, count);
            Arrays.sort(t);
            long[] gaps = new long[count - 1];
            for (int i = 1; i < count; i++) {
                gaps[i - 1] = t[i] - t[i - 1];
            }
            long[] sortedGaps = gaps.clone();
            Arrays.sort(sortedGaps);
            long gap = median(sortedGaps);
            long[] out = Arrays.copyOf(sent, count);
            Arrays.sort(out);
            long bytes = median(out);
            long[] in = Arrays.copyOf(received, count);
            Arrays.sort(in);
            return new Rhythm(count, gap, mad(gaps, gap), bytes, mad(out, bytes), median(in));
        }
    }
}
