package dev.warden.inventory;

import java.util.Locale;

/** A finding is open until an assessment of its device no longer finds it; then it is fixed (and may reopen). */
public enum FindingStatus {
    OPEN, FIXED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FindingStatus fromWire(String s) {
        for (FindingStatus v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown finding status '" + s + "' (expected open or fixed)");
    }
}
