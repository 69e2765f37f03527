package dev.warden.model;

import java.util.Locale;

/** What a device is. The wire name is the lower-case constant, used in YAML, JSON and the store. */
public enum DeviceKind {
    CAMERA, DVR, NVR, ROUTER, OTHER, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceKind fromWire(String s) {
        for (DeviceKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + s + "' (expected one of camera, dvr, nvr, router, other, unknown)");
    }
}
