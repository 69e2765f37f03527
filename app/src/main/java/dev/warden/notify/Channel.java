package dev.warden.notify;

import java.util.Locale;

/** How a notification travels. */
public enum Channel {
    EMAIL, WEBHOOK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
