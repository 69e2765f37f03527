package dev.warden.watch.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table from IP address (version, high and low 64 bits) to a value, holding at most {@code max} entries in access
 * order: a lookup makes an entry the most recent, and an entry added to a full table drops the least recent one
 * (counted in {@link #dropped()}) — the same order and drops as an access-ordered {@link LruMap}, but with no key
 * object, boxed hash or map entry per lookup or insert. Written by hand (open addressing with linear probing and
 * backward-shift deletion, like {@code FlowTable}, plus an index-linked recency list) because the JDK's maps and the
 * libraries in java-stack.md key by objects; a spoofed flood makes a profile add and drop one peer per flow.
 * Not thread-safe.
 */
final class AddressLru<V> {
    private static final int NONE = -1;

    private final int max;
    /** Entry index + 1 per bucket, 0 when empty. */
    private int[] buckets = new int[16];
    private int[] versions = new int[8];
    private long[] highs = new long[8];
    private long[] lows = new long[8];
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
    private V lastDropped;

    AddressLru(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
    }

    /** The value for the address, made the most recent; null when absent. */
    @SuppressWarnings("unchecked")
    V get(int version, long high, long low) {
        int e = find(version, high, low, hash(version, high, low));
        if (e == NONE) {
            return null;
        }
        if (e != tail) {
            unlink(e);
            linkLast(e);
        }
        return (V) values[e];
    }

    /**
     * Adds an address that {@link #get} just did not find, as the most recent; when that makes more than {@code max}
     * entries the least recent is dropped, and {@link #takeDropped()} hands its value out for reuse.
     */
    @SuppressWarnings("unchecked")
    void add(int version, long high, long low, V value) {
        int e = free != NONE ? free : allocate();
        free = NONE;
        int h = hash(version, high, low);
        versions[e] = version;
        highs[e] = high;
        lows[e] = low;
        hashes[e] = h;
        values[e] = value;
        insertBucket(e, h);
        linkLast(e);
        size++;
        if (size > max) {
            int eldest = head;
            unlink(eldest);
            removeBucket(eldest);
            lastDropped = (V) values[eldest];
            values[eldest] = null;
            free = eldest;
            size--;
            dropped++;
        }
    }

    /** The value the last {@link #add} dropped, once (then null): lets a full table reuse it for the next entry. */
    V takeDropped() {
        V v = lastDropped;
        lastDropped = null;
        return v;
    }

    /** Every value, least recent first. */
    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (int e = head; e != NONE; e = next[e]) {
            out.add((V) values[e]);
        }
        return out;
    }

    int size() {
        return size;
    }

    /** Entries dropped because the table was full. */
    long dropped() {
        return dropped;
    }

    private static int hash(int version, long high, long low) {
        long h = (high * 0x9E3779B97F4A7C15L + low) * 0xBF58476D1CE4E5B9L + version;
        return (int) (h ^ (h >>> 32));
    }

    private int find(int version, long high, long low, int h) {
        int mask = buckets.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = buckets[i] - 1;
            if (e == NONE) {
                return NONE;
            }
            if (hashes[e] == h && lows[e] == low && highs[e] == high && versions[e] == version) {
                return e;
            }
        }
    }

    private int allocate() {
        if (allocated == values.length) {
            int n = Math.min(values.length * 2, max + 1);
            versions = Arrays.copyOf(versions, n);
            highs = Arrays.copyOf(highs, n);
            lows = Arrays.copyOf(lows, n);
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
        buckets = new int[capacity];
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
        buckets[i] = e + 1;
    }

    /** Backward-shift deletion: later entries of the probe run move up so no lookup stops early at the hole. */
    private void removeBucket(int e) {
        int mask = buckets.length - 1;
        int i = hashes[e] & mask;
        while (buckets[i] != e + 1) {
            i = (i + 1) & mask;
        }
        buckets[i] = 0;
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = hashes[buckets[j] - 1] & mask;
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
