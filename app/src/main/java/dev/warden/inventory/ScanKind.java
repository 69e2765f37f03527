package dev.warden.inventory;

import java.util.Locale;

/** What a scan did: find devices on the network, or assess known devices for weaknesses. */
public enum ScanKind {
    DISCOVER, ASSESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScanKind fromWire(String s) {
        for (ScanKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown scan kind '" + s + "' (expected discover or assess)");
    }
}
