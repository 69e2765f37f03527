package dev.warden.watch.profile;

import dev.warden.watch.flow.IpAddress;

/**
 * What one device exchanged with one peer: flows each way, bytes each way, first and last contact, and the
 * regularity of the contacts it opened (Welford's running mean and variance of the intervals between flow starts,
 * so a cloud heartbeat or a C2 beacon shows as "every 60 s, jitter 2 %"). A full peer table reuses the stats of the
 * peer it drops for the next new peer (a spoofed flood would otherwise make one per flow): read a {@code PeerStats}
 * when a profile hands it out, do not keep it across flows.
 */
public final class PeerStats {
    private int version;
    private long high;
    private long low;
    private boolean local;
    private boolean learned;
    private long firstNanos;
    private long lastNanos;
    private long flowsOpened;
    private long flowsAccepted;
    private long bytesSent;
    private long bytesReceived;
    private long lastOpenNanos;
    private long intervals;
    private double meanInterval;
    private double m2;

    PeerStats(IpAddress address, boolean local, boolean learned, long firstNanos) {
        reset(address, local, learned, firstNanos);
    }

    /** Starts over as a new peer's stats, as if just made. */
    void reset(IpAddress address, boolean local, boolean learned, long firstNanos) {
        this.version = address.version();
        this.high = address.high();
        this.low = address.low();
        this.local = local;
        this.learned = learned;
        this.firstNanos = firstNanos;
        this.lastNanos = firstNanos;
        this.flowsOpened = 0;
        this.flowsAccepted = 0;
        this.bytesSent = 0;
        this.bytesReceived = 0;
        this.lastOpenNanos = Long.MIN_VALUE;
        this.intervals = 0;
        this.meanInterval = 0;
        this.m2 = 0;
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
        return new IpAddress(version, high, low);
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
