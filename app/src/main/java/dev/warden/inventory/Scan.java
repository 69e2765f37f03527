package dev.warden.inventory;

import java.util.Objects;
import java.util.UUID;

/**
 * One discovery or assessment as the store records it. Its finish time is when everything it saw was last seen.
 *
 * @param id       unique text id (a UUID by default); users may refer to it by a unique prefix
 * @param kind     discover or assess
 * @param started  epoch ms
 * @param finished epoch ms, not before {@code started}
 * @param targets  the scope as the user gave it ("127.77.0.0/24", "192.168.1.10-20"...), for display
 */
public record Scan(String id, ScanKind kind, long started, long finished, String targets) {
    public Scan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targets, "targets");
        if (id.isBlank()) {
            throw new IllegalArgumentException("scan id is blank");
        }
        if (finished < started) {
            throw new IllegalArgumentException("scan finished (" + finished + ") before it started (" + started + ")");
        }
    }

    /** A scan with a fresh random id. */
    public static Scan of(ScanKind kind, String targets, long started, long finished) {
        return new Scan(UUID.randomUUID().toString(), kind, started, finished, targets);
    }

    /** The first 8 characters of the id: enough to name it on a command line. */
    public String shortId() {
        return shortId(id);
    }

    /** The first 8 characters of a scan id. */
    public static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }
}
