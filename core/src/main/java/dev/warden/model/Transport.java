package dev.warden.model;

import java.util.Locale;

/** The transport a service listens on. */
public enum Transport {
    TCP, UDP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Transport fromWire(String s) {
        for (Transport t : values()) {
            if (t.wireName().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + s + "' (expected tcp or udp)");
    }
}
