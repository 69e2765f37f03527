package dev.warden.inventory;

import java.util.Locale;

/** What changed on the network between two scans. The wire name is kebab-case ("firmware-changed"). */
public enum ChangeKind {
    /** A device Warden had never seen. */
    DEVICE_NEW,
    /** A device seen again after a scan of its address had missed it. */
    DEVICE_BACK,
    /** A known device inside the scan's scope did not answer. */
    DEVICE_GONE,
    /** Vendor identification differs from what was known. */
    VENDOR_CHANGED,
    /** Model identification differs from what was known. */
    MODEL_CHANGED,
    /** Firmware version differs: an upgrade, a downgrade or a re-flash. */
    FIRMWARE_CHANGED,
    /** A service that was not open before. */
    PORT_OPENED,
    /** A service of a device still present no longer answers. */
    PORT_CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChangeKind fromWire(String s) {
        for (ChangeKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown change kind '" + s + "'");
    }
}
