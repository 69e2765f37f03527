package dev.warden.watch.detect;

import dev.warden.watch.flow.AddressLru;
import java.util.function.Supplier;

/**
 * A bounded, access-ordered {@link AddressLru} keyed by up to two addresses (a version and four longs) that remembers
 * its last access, so a run of packets between the same hosts — a flood — finds its entry without a lookup, and
 * traffic alternating between hosts looks its entries up without making key objects (a key object, for alert text, is
 * made only when {@link #lastKey()} asks).
 * Skipping the map is exact: the entry accessed last is already the most recent in access order, and only an access
 * through here reorders or evicts (a lookup that finds nothing reorders nothing). A bitmap of the keys ever inserted
 * (never cleared, so an evicted key only costs a lookup) answers most misses — the spoofed sources of a flood — without
 * touching the map at all.
 */
final class RecentMap<K, V> {
    private static final int FILTER_BITS = 20;
    private static final int FILTER_WORDS = 1 << (FILTER_BITS - 6);
    /** Makes a key object from the same fields, for alert text. */
    interface Keys<K> {
        K make(int version, long a, long b, long c, long d);
    }

    private final AddressLru<V> map;
    private final Keys<K> keys;
    private final Supplier<V> values;
    private final long[] inserted = new long[FILTER_WORDS];
    private boolean valid;
    private int version;
    private long a;
    private long b;
    private long c;
    private long d;
    private K key;
    private V value;

    RecentMap(int capacity, Keys<K> keys, Supplier<V> values) {
        this.map = new AddressLru<>(capacity);
        this.keys = keys;
        this.values = values;
    }

    /** The entry for the key made of these fields, or null; with {@code create}, a new value when there is none. */
    V get(int version, long a, long b, long c, long d, boolean create) {
        if (last(version, a, b, c, d)) {
            if (value != null || !create) {
                return value;
            }
        } else if (!create && !maybeInserted(version, a, b, c, d)) {
            return null;
        } else {
            key = null;
            this.version = version;
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            valid = true;
        }
        value = map.get(version, a, b, c, d);
        if (value == null && create) {
            value = values.get();
            map.add(version, a, b, c, d, value);
            int bit = bit(version, a, b, c, d);
            inserted[bit >>> 6] |= 1L << bit;
        }
        return value;
    }

    /** The key object of the last access (for alert text). */
    K lastKey() {
        if (key == null) {
            key = keys.make(version, a, b, c, d);
        }
        return key;
    }

    /** True when the key is present; does not count as an access (as {@link java.util.Map#containsKey}). */
    boolean contains(int version, long a, long b, long c, long d) {
        if (last(version, a, b, c, d) && value != null) {
            return true;
        }
        return maybeInserted(version, a, b, c, d) && map.contains(version, a, b, c, d);
    }

    private boolean maybeInserted(int version, long a, long b, long c, long d) {
        int bit = bit(version, a, b, c, d);
        return (inserted[bit >>> 6] & 1L << bit) != 0;
    }

    /** The key's bit in the filter: the fields mixed (MurmurHash3's finaliser constants), top bits. */
    private static int bit(int version, long a, long b, long c, long d) {
        long h = version;
        h = (h ^ a) * 0xff51afd7ed558ccdL;
        h = (h ^ b) * 0xc4ceb9fe1a85ec53L;
        h = (h ^ c) * 0xff51afd7ed558ccdL;
        h = (h ^ d) * 0xc4ceb9fe1a85ec53L;
        return (int) ((h ^ (h >>> 29)) >>> (64 - FILTER_BITS));
    }

    long dropped() {
        return map.dropped();
    }

    private boolean last(int version, long a, long b, long c, long d) {
        return valid && this.a == a && this.b == b && this.c == c && this.d == d && this.version == version;
    }
}
