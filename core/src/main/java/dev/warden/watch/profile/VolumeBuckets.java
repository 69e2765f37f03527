package dev.warden.watch.profile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's bytes and packets each way per fixed bucket of traffic time (an hour by default): the current bucket,
 * the last few finished ones, and the largest bucket seen while the device was learning (the baseline a volume jump
 * is measured against). A flow counts in the bucket of its end; one that ends before the current bucket (flows are
 * emitted out of order) counts in the current one.
 */
public final class VolumeBuckets {
    private final long bucketNanos;
    private final int keep;
    private final Deque<long[]> finished = new ArrayDeque<>();
    private long start = Long.MIN_VALUE;
    private final long[] current = new long[4];
    private long learnedMaxBytesOut;
    private static final int OUT = 0;
    private static final int IN = 1;
    private static final int PACKETS_OUT = 2;
    private static final int PACKETS_IN = 3;

    VolumeBuckets(long bucketNanos, int keep) {
        this.bucketNanos = bucketNanos;
        this.keep = keep;
    }

    /**
     * Adds one flow's volume at {@code endNanos}; {@code learnedUntil} is when the device stopped learning
     * ({@link Long#MAX_VALUE} while it still is), so a bucket that started before it counts in the baseline.
     */
    void add(long endNanos, long bytesOut, long bytesIn, long packetsOut, long packetsIn, long learnedUntil) {
        long bucket = Math.floorDiv(endNanos, bucketNanos) * bucketNanos;
        if (start == Long.MIN_VALUE) {
            start = bucket;
        } else if (bucket > start) {
            close(learnedUntil);
            start = bucket;
        }
        current[OUT] += bytesOut;
        current[IN] += bytesIn;
        current[PACKETS_OUT] += packetsOut;
        current[PACKETS_IN] += packetsIn;
    }

    private void close(long learnedUntil) {
        if (start < learnedUntil) {
            learnedMaxBytesOut = Math.max(learnedMaxBytesOut, current[OUT]);
        }
        finished.addLast(new long[] {start, current[OUT], current[IN], current[PACKETS_OUT], current[PACKETS_IN]});
        if (finished.size() > keep) {
            finished.removeFirst();
        }
        java.util.Arrays.fill(current, 0);
    }

    public long currentBytesOut() {
        return current[OUT];
    }

    public long currentBytesIn() {
        return current[IN];
    }

    /** The largest finished bucket's bytes out among buckets that started while the device was learning. */
    public long learnedMaxBytesOut() {
        return learnedMaxBytesOut;
    }

    /** Finished buckets, oldest first, then the current one, as maps for JSON. */
    public List<Map<String, Object>> toList() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (long[] b : finished) {
            out.add(row(b[0], b[1], b[2], b[3], b[4]));
        }
        if (start != Long.MIN_VALUE) {
            out.add(row(start, current[OUT], current[IN], current[PACKETS_OUT], current[PACKETS_IN]));
        }
        return out;
    }

    private static Map<String, Object> row(long start, long out, long in, long packetsOut, long packetsIn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", HostProfile.instant(start));
        m.put("bytes_out", out);
        m.put("bytes_in", in);
        m.put("packets_out", packetsOut);
        m.put("packets_in", packetsIn);
        return m;
    }
}
