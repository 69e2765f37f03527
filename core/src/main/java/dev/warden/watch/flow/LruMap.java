package dev.warden.watch.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map in access order holding at most {@code max} entries; the least recently used is dropped and counted, so a
 * detector's or a profile's state stays bounded whatever the traffic, and a summary can say how much was forgotten.
 * (For hot tables keyed by addresses, {@link AddressLru} does the same without a key object per lookup.)
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private final int max;
    private long dropped;

    public LruMap(int max) {
        super(16, 0.75f, true);
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
    public long dropped() {
        return dropped;
    }
}
