package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table keyed by one IP address or an ordered pair of them (an int tag and up to four longs, as {@link PacketView}
 * and {@link FlowEvent} hold addresses; the second address is 0, 0 for a one-address key; the tag is the IP version
 * and whatever else a caller keys by, such as a port and protocol folded in above bit 8), holding at most
 * {@code max} entries in access order: a lookup makes an entry the most recent, and an entry added to a full table
 * drops the least recent one (counted in {@link #dropped()}) — the same order and drops as an access-ordered
 * {@code LinkedHashMap} with an eldest-entry cap, but with no key object, boxed hash or map entry per lookup or insert.
 * Written by hand (open addressing with linear probing and backward-shift deletion, like {@link FlowTable}, plus an
 * index-linked recency list) because the JDK's maps and the libraries in java-stack.md key by objects, and a spoofed
 * flood adds and drops one entry per packet or flow. Used by the device profiles and the detectors' per-host and per-pair state. Not
 * thread-safe.
 */
public final class AddressLru<V> {
    private static final int NONE = -1;

    private final int max;
    /**
     * Per bucket the entry's hash in the high 32 bits and its index + 1 in the low ones, 0 when empty: a probe past
     * other keys compares hashes here without touching the entry arrays.
     */
    private long[] buckets = new long[16];
    private int[] tags = new int[8];
    private long[] as = new long[8];
    private long[] bs = new long[8];
    private long[] cs = new long[8];
    private long[] ds = new long[8];
    private int[] hashes = new int[8];
    private int[] prev = new int[8];
    private int[] next = new int[8];
    private Object[] values = new Object[8];
    private int head = NONE;
    private int tail = NONE;
    private int size;
    private int allocated;
    private int free = NONE;
    private long dropped;

    /** An empty table of at most {@code max} (at least 1) entries. */
    public AddressLru(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
    }

    /** The value for one address, made the most recent; null when absent. */
    public V get(int tag, long high, long low) {
        return get(tag, high, low, 0, 0);
    }

    /** The value for the address pair (a, b) to (c, d), made the most recent; null when absent. */
    @SuppressWarnings("unchecked")
    public V get(int tag, long a, long b, long c, long d) {
        int e = find(tag, a, b, c, d);
        if (e == NONE) {
            return null;
        }
        if (e != tail) {
            unlink(e);
            linkLast(e);
        }
        return (V) values[e];
    }

    /** True when the key is present; not an access (the order stays). */
    public boolean contains(int tag, long a, long b, long c, long d) {
        return find(tag, a, b, c, d) != NONE;
    }

    /** {@link #add(int, long, long, long, long, Object)} for one address. */
    public V add(int tag, long high, long low, V value) {
        return add(tag, high, low, 0, 0, value);
    }

    /**
     * Adds a key that {@link #get} just did not find, as the most recent; when that makes more than {@code max}
     * entries the least recent is dropped and its value returned (for reuse, or null when nothing was dropped).
     */
    @SuppressWarnings("unchecked")
    public V add(int tag, long a, long b, long c, long d, V value) {
        int e = free != NONE ? free : allocate();
        free = NONE;
        int h = hash(tag, a, b, c, d);
        tags[e] = tag;
        as[e] = a;
        bs[e] = b;
        cs[e] = c;
        ds[e] = d;
        hashes[e] = h;
        values[e] = value;
        insertBucket(e, h);
        linkLast(e);
        size++;
        if (size > max) {
            int eldest = head;
            unlink(eldest);
            removeBucket(eldest);
            V old = (V) values[eldest];
            values[eldest] = null;
            free = eldest;
            size--;
            dropped++;
            return old;
        }
        return null;
    }

    /** Gives a present key a new value and makes it the most recent (as a map's put on a present key). */
    public void replace(int tag, long high, long low, V value) {
        int e = find(tag, high, low, 0, 0);
        if (e == NONE) {
            throw new IllegalStateException("no such key");
        }
        values[e] = value;
        if (e != tail) {
            unlink(e);
            linkLast(e);
        }
    }

    /** Every value, least recent first. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (int e = head; e != NONE; e = next[e]) {
            out.add((V) values[e]);
        }
        return out;
    }

    public int size() {
        return size;
    }

    /** Entries dropped because the table was full. */
    public long dropped() {
        return dropped;
    }

    /**
     * The fields combined, then MurmurHash3's 64-bit finaliser, so every input bit reaches the low bits the buckets
     * are chosen by (addresses of one subnet differ only in their last bits).
     */
    private static int hash(int tag, long a, long b, long c, long d) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = h * 0x9E3779B97F4A7C15L + c;
        h = h * 0x9E3779B97F4A7C15L + d;
        h = h * 0x9E3779B97F4A7C15L + tag;
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (int) (h ^ (h >>> 33));
    }

    private int find(int tag, long a, long b, long c, long d) {
        int h = hash(tag, a, b, c, d);
        int mask = buckets.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long slot = buckets[i];
            if (slot == 0) {
                return NONE;
            }
            if ((int) (slot >>> 32) == h) {
                int e = (int) slot - 1;
                if (bs[e] == b && as[e] == a && ds[e] == d && cs[e] == c && tags[e] == tag) {
                    return e;
                }
            }
        }
    }

    private int allocate() {
        if (allocated == values.length) {
            int n = Math.min(values.length * 2, max + 1);
            tags = Arrays.copyOf(tags, n);
            as = Arrays.copyOf(as, n);
            bs = Arrays.copyOf(bs, n);
            cs = Arrays.copyOf(cs, n);
            ds = Arrays.copyOf(ds, n);
            hashes = Arrays.copyOf(hashes, n);
            prev = Arrays.copyOf(prev, n);
            next = Arrays.copyOf(next, n);
            values = Arrays.copyOf(values, n);
        }
        if ((allocated + 1) * 2 > buckets.length) {
            rehash(buckets.length * 2);
        }
        return allocated++;
    }

    private void rehash(int capacity) {
        buckets = new long[capacity];
        for (int e = head; e != NONE; e = next[e]) {
            insertBucket(e, hashes[e]);
        }
    }

    private void insertBucket(int e, int h) {
        int mask = buckets.length - 1;
        int i = h & mask;
        while (buckets[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = (long) h << 32 | (e + 1);
    }

    /** Backward-shift deletion: later entries of the probe run move up so no lookup stops early at the hole. */
    private void removeBucket(int e) {
        int mask = buckets.length - 1;
        int i = hashes[e] & mask;
        while ((int) buckets[i] != e + 1) {
            i = (i + 1) & mask;
        }
        buckets[i] = 0;
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = (int) (buckets[j] >>> 32) & mask;
            boolean between = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!between) {
                buckets[i] = buckets[j];
                buckets[j] = 0;
                i = j;
            }
        }
    }

    private void unlink(int e) {
        int p = prev[e];
        int n = next[e];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
    }

    private void linkLast(int e) {
        prev[e] = tail;
        next[e] = NONE;
        if (tail == NONE) {
            head = e;
        } else {
            next[tail] = e;
        }
        tail = e;
    }
}
