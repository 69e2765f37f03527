package dev.warden.watch.netflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the decoder did, as counters with stable dotted names: datagrams and records accepted, templates learned and
 * withdrawn, sequence gaps, and one reason per way a datagram can be malformed or dropped ({@code decode.netflow.*}).
 * The decoder never logs per datagram; these counters are how an operator sees a broken or hostile exporter.
 * Safe to read from another thread while the decoder writes.
 */
public final class NetflowStats {

    /** A counter and its wire name; names are stable, metrics and docs use them. */
    public enum Counter {
        DATAGRAMS("netflow.datagrams"),
        RECORDS("netflow.records"),
        OPTIONS_RECORDS("netflow.options-records"),
        TEMPLATES_LEARNED("netflow.templates.learned"),
        TEMPLATES_WITHDRAWN("netflow.templates.withdrawn"),
        SEQUENCE_GAP("netflow.sequence.gap"),
        SEQUENCE_LOST("netflow.sequence.lost"),
        SEQUENCE_OUT_OF_ORDER("netflow.sequence.out-of-order"),
        EXPORTER_EVICTED("netflow.exporter.evicted"),
        TRUNCATED("decode.netflow.truncated"),
        BAD_VERSION("decode.netflow.bad-version"),
        BAD_LENGTH("decode.netflow.bad-length"),
        BAD_SET("decode.netflow.bad-set"),
        BAD_TEMPLATE("decode.netflow.bad-template"),
        BAD_VARLEN("decode.netflow.bad-varlen"),
        NO_TEMPLATE("decode.netflow.no-template"),
        TOO_MANY_FIELDS("decode.netflow.too-many-fields"),
        TOO_MANY_TEMPLATES("decode.netflow.too-many-templates"),
        TOO_MANY_DOMAINS("decode.netflow.too-many-domains"),
        TOO_MANY_RECORDS("decode.netflow.too-many-records"),
        COUNT_MISMATCH("decode.netflow.count-mismatch");

        private final String wireName;

        Counter(String wireName) {
            this.wireName = wireName;
        }

        /** The stable dotted name. */
        public String wireName() {
            return wireName;
        }

        /** True for the reasons a datagram or part of it was malformed or dropped. */
        public boolean malformed() {
            return wireName.startsWith("decode.");
        }
    }

    private static final Counter[] COUNTERS = Counter.values();
    private final AtomicLongArray counts = new AtomicLongArray(COUNTERS.length);

    void add(Counter counter, long n) {
        counts.addAndGet(counter.ordinal(), n);
    }

    void inc(Counter counter) {
        counts.incrementAndGet(counter.ordinal());
    }

    /** Current value of one counter. */
    public long get(Counter counter) {
        return counts.get(counter.ordinal());
    }

    /** Sum of all {@code decode.netflow.*} reasons. */
    public long malformed() {
        long sum = 0;
        for (Counter c : COUNTERS) {
            if (c.malformed()) {
                sum += get(c);
            }
        }
        return sum;
    }

    /** Non-zero counters by wire name, in declaration order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Counter c : COUNTERS) {
            long v = get(c);
            if (v != 0) {
                out.put(c.wireName(), v);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
