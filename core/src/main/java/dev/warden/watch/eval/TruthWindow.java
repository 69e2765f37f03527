package dev.warden.watch.eval;

import java.util.Objects;

/**
 * One attack window of a truth file: {@code host} did {@code kind} from {@code startNanos} to {@code endNanos}
 * (traffic time, nanoseconds since the Unix epoch, both inclusive).
 *
 * @param note free text for the reader (how the window was derived); may be null
 */
public record TruthWindow(String host, String kind, long startNanos, long endNanos, String note) {
    public TruthWindow {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("window " + host + " " + kind + " ends before it starts");
        }
    }

    /** Whether {@code tsNanos} lies in the window or at most {@code graceNanos} after its end. */
    public boolean covers(long tsNanos, long graceNanos) {
        return tsNanos >= startNanos && tsNanos <= endNanos + graceNanos;
    }
}
