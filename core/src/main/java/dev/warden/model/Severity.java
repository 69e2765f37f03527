package dev.warden.model;

import java.util.Locale;

/** How bad a finding or alert is. Ordered from least to most severe; wire name is the lower-case constant. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String s) {
        for (Severity v : values()) {
            if (v.wireName().equalsIgnoreCase(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + s + "' (expected info, low, medium, high or critical)");
    }
}
