package dev.warden.watch.detect;

/**
 * An approximate count of distinct values (source ports, connections, source addresses) in a fixed 128 bytes:
 * linear counting (Whang et al., 1990) over a 1,024-bit bitmap. Accurate to a few percent up to a few thousand
 * values, which is all a flood detector needs ("random source ports" versus "one connection"); an exact set would
 * grow with the flood. Hand-written because it is twenty lines and the per-packet path must not allocate.
 */
final class DistinctSketch {
    private static final int BITS = 1024;
    private final long[] words = new long[BITS / 64];
    private int set;

    /** Adds a value (any long; it is mixed before use). */
    void add(long value) {
        int bit = (int) (mix(value) >>> 54);
        long mask = 1L << (bit & 63);
        if ((words[bit >>> 6] & mask) == 0) {
            words[bit >>> 6] |= mask;
            set++;
        }
    }

    /** True when the value was (probably) added. */
    boolean contains(long value) {
        int bit = (int) (mix(value) >>> 54);
        return (words[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    /** The estimated number of distinct values added. */
    long estimate() {
        if (set >= BITS) {
            return Math.round(BITS * Math.log(BITS));
        }
        return Math.round(-BITS * Math.log((double) (BITS - set) / BITS));
    }

    void clear() {
        java.util.Arrays.fill(words, 0);
        set = 0;
    }

    /** The finaliser of MurmurHash3: spreads nearby values (consecutive ports) over the whole bitmap. */
    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        v *= 0xc4ceb9fe1a85ec53L;
        return v ^ (v >>> 33);
    }
}
