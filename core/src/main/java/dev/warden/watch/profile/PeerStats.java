package dev.warden.watch.profile;

import dev.warden.watch.flow.IpAddress;

/**
 * What one device exchanged with one peer: flows each way, bytes each way, first and last contact, and the
 * regularity of the contacts it opened (Welford's running mean and variance of the intervals between flow starts,
 * so a cloud heartbeat or a C2 beacon shows as "every 60 s, jitter 2 %").
 */
public final class PeerStats {
    private final IpAddress address;
    private final boolean local;
    private final boolean learned;
    private final long firstNanos;
    private long lastNanos;
    private long flowsOpened;
    private long flowsAccepted;
    private long bytesSent;
    private long bytesReceived;
    private long lastOpenNanos = Long.MIN_VALUE;
    private long intervals;
    private double meanInterval;
    private double m2;

    PeerStats(IpAddress address, boolean local, boolean learned, long firstNanos) {
        this.address = address;
        this.local = local;
        this.learned = learned;
        this.firstNanos = firstNanos;
        this.lastNanos = firstNanos;
    }

    /** One flow with this peer; {@code opened} when the device was the client. */
    void add(long startNanos, long endNanos, boolean opened, long sent, long received) {
        lastNanos = Math.max(lastNanos, endNanos);
        bytesSent += sent;
        bytesReceived += received;
        if (!opened) {
            flowsAccepted++;
            return;
        }
        flowsOpened++;
        // Flows end out of start order (idle timeouts); only a later start is an interval.
        if (lastOpenNanos != Long.MIN_VALUE && startNanos > lastOpenNanos) {
            double x = startNanos - lastOpenNanos;
            intervals++;
            double delta = x - meanInterval;
            meanInterval += delta / intervals;
            m2 += delta * (x - meanInterval);
        }
        lastOpenNanos = Math.max(lastOpenNanos, startNanos);
    }

    public IpAddress address() {
        return address;
    }

    /** True when the peer is in the watched network's own ranges. */
    public boolean local() {
        return local;
    }

    /** True when the device first met this peer while it was still learning: a usual peer. */
    public boolean learned() {
        return learned;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    /** Flows the device opened to this peer. */
    public long flowsOpened() {
        return flowsOpened;
    }

    /** Flows this peer opened to the device. */
    public long flowsAccepted() {
        return flowsAccepted;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /** Intervals measured between the starts of flows the device opened. */
    public long intervals() {
        return intervals;
    }

    /** Mean interval between opened flows in nanoseconds (0 before two of them). */
    public double meanIntervalNanos() {
        return meanInterval;
    }

    /** Coefficient of variation of those intervals (standard deviation / mean); 0 when undefined. */
    public double jitter() {
        if (intervals < 2 || meanInterval <= 0) {
            return 0;
        }
        return Math.sqrt(m2 / (intervals - 1)) / meanInterval;
    }
}
