package dev.warden.inventory;

import java.util.Objects;

/**
 * One change event: what a scan found different from what Warden knew before it.
 *
 * @param scan    id of the scan that saw it
 * @param at      epoch ms (the scan's finish time)
 * @param ip      the device
 * @param kind    what changed
 * @param subject for port events the service as {@code 554/tcp}; for firmware learned by an assessment, where it was
 *                read; else null
 * @param before  the old value (firmware, vendor, model), or null
 * @param after   the new value; for a new or returning device its vendor and model; or null
 */
public record Change(String scan, long at, String ip, ChangeKind kind, String subject, String before, String after) {
    public Change {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(kind, "kind");
    }

    /** One line for people: "firmware 5.4.1 → 5.5.0", "port opened 23/tcp", "new device Hikvision DS-2CD2032-I". */
    public String describe() {
        return switch (kind) {
            case DEVICE_NEW -> "new device" + (after == null ? "" : " " + after);
            case DEVICE_BACK -> "device back" + (after == null ? "" : " " + after);
            case DEVICE_GONE -> "device gone";
            case VENDOR_CHANGED -> "vendor " + before + " → " + after;
            case MODEL_CHANGED -> "model " + before + " → " + after;
            case FIRMWARE_CHANGED -> "firmware " + before + " → " + after + (subject == null ? "" : " (" + subject + ")");
            case PORT_OPENED -> "port opened " + subject;
            case PORT_CLOSED -> "port closed " + subject;
        };
    }
}
