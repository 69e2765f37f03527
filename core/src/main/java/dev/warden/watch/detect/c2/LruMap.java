package dev.warden.watch.detect.c2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map holding at most {@code max} entries in access order: adding one more drops the least recently used and counts
 * it, so a detector's state stays bounded whatever the traffic and the summary can say how much was forgotten.
 */
final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private final int max;
    private long dropped;

    LruMap(int max) {
        super(256, 0.75f, true);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > max) {
            dropped++;
            return true;
        }
        return false;
    }

    /** Entries dropped because the map was full. */
    long dropped() {
        return dropped;
    }
}
