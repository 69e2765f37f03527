package dev.warden.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-host (or per-pair) detector state with a size cap: an access-ordered map that drops its least recently used
 * entry beyond {@code capacity} and counts the drops, so a detector's memory stays bounded whatever the input.
 */
final class BoundedMap<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;
    private long dropped;

    BoundedMap(int capacity) {
        super(256, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > capacity) {
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
