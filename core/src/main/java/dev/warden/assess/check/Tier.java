package dev.warden.assess.check;

import java.util.Locale;

/**
 * How much a check does to a device, from least to most: {@code banner} (no traffic, or a connect and a greeting),
 * {@code read} (a read-only query without credentials), {@code login} (tries credentials, within the scan's budget),
 * {@code intrusive} (opt-in: auth bypasses and reads of data a stranger should never get).
 */
public enum Tier {
    BANNER, READ, LOGIN, INTRUSIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Tier fromWire(String s) {
        for (Tier t : values()) {
            if (t.wireName().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
