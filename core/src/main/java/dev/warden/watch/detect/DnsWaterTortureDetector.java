package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds DNS water torture (Mirai's "dns" attack, the one that took Dyn down): a local host asking its resolver for
 * many distinct, random-looking names under one registered domain ({@code x7fk2qa9.example.com}, each asked once),
 * so the resolver hammers that domain's authoritative servers with questions no cache can answer. Reads the question
 * name of every UDP query to port 53 ({@link #onPacket}; flow records carry no names). Per (host, domain) and window:
 * at least {@link DnsWaterTortureRules#minDistinct()} distinct names, asked about once each, whose subdomain parts
 * look random (mean character entropy). State is bounded by {@link DnsWaterTortureRules#maxEntries()}; each entry
 * holds at most {@code minDistinct} name hashes.
 */
public final class DnsWaterTortureDetector implements Detector {
    /** The alert kind and rule file stem. */
    public static final String KIND = "dns-water-torture";
    private static final int DNS_PORT = 53;

    private final DnsWaterTortureRules rules;
    private final LocalNetworks local;
    private final LruMap<Key, Entry> entries;

    public DnsWaterTortureDetector(DnsWaterTortureRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.local = Objects.requireNonNull(local, "local");
        entries = new LruMap<>(rules.maxEntries());
    }

    /** Makes the detector from {@code dns-water-torture.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(KIND, c -> new DnsWaterTortureDetector(DnsWaterTortureRules.load(c.rules()), c.local()));
        }
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public void onFlow(FlowEvent flow, Consumer<Alert> out) {
        // Flow records carry no question names: nothing to read.
    }

    @Override
    public long dropped() {
        return entries.dropped();
    }

    @Override
    public boolean readsPackets() {
        return true;
    }

    @Override
    public void onPacket(PacketView p, Consumer<Alert> out) {
        if (p.protocol() != PacketView.PROTO_UDP || p.dstPort() != DNS_PORT || p.laterFragment()
                || !local.contains(p.srcHigh(), p.srcLow())) {
            return;
        }
        String name = DnsQuestion.name(p);
        if (name == null) {
            return;
        }
        String domain = DnsQuestion.registeredDomain(name);
        if (domain.length() >= name.length()) {
            return; // the domain itself, no subdomain
        }
        IpAddress host = new IpAddress(p.ipVersion(), p.srcHigh(), p.srcLow());
        Entry e = entries.computeIfAbsent(new Key(host, domain), k -> new Entry());
        long t = p.timestampNanos();
        if (t < e.quietUntil) {
            return;
        }
        if (e.queries == 0 || t - e.windowStart >= rules.windowNanos()) {
            e.restart(t);
        }
        e.queries++;
        e.last = t;
        String sub = name.substring(0, name.length() - domain.length() - 1);
        if (e.names.add(sub.hashCode())) {
            e.entropy += DnsQuestion.entropy(sub);
            if (e.examples.size() < rules.examples()) {
                e.examples.add(name);
            }
        }
        int distinct = e.names.size();
        if (distinct < rules.minDistinct()) {
            return;
        }
        double unique = (double) distinct / e.queries;
        double entropy = e.entropy / distinct;
        if (unique >= rules.minUniqueShare() && entropy >= rules.minEntropy()) {
            out.accept(alert(host, domain, e, p, entropy));
            e.quietUntil = t + rules.suppressNanos();
        }
        e.restart(t);
    }

    private Alert alert(IpAddress host, String domain, Entry e, PacketView p, double entropy) {
        double seconds = Math.max(1e-9, (e.last - e.first) / 1e9);
        String evidence = String.format(Locale.ROOT,
                "%d distinct random-looking names under %s in %d queries within %.1f s (%.0f queries per second, "
                        + "mean subdomain entropy %.2f bits/char) to resolver %s, e.g. %s",
                e.names.size(), domain, e.queries, seconds, e.queries / Math.max(1.0, seconds), entropy,
                p.dstAddress(), String.join(", ", e.examples));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("distinct_names", (long) e.names.size());
        counts.put("queries", e.queries);
        counts.put("duration_ms", (e.last - e.first) / 1_000_000);
        return new Alert(p.timestampNanos(), host.toString(), KIND, rules.severity(), List.of(domain, p.dstAddress()),
                evidence, counts);
    }

    /** A local host and a registered domain it queries. */
    private record Key(IpAddress host, String domain) {
    }

    /** One (host, domain) window: hashes of the distinct subdomain parts asked (at most minDistinct). */
    private static final class Entry {
        final Set<Integer> names = new HashSet<>();
        final List<String> examples = new ArrayList<>();
        long windowStart;
        long first;
        long last;
        long queries;
        double entropy;
        long quietUntil = Long.MIN_VALUE;

        void restart(long t) {
            names.clear();
            examples.clear();
            windowStart = t;
            first = t;
            last = t;
            queries = 0;
            entropy = 0;
        }
    }
}
