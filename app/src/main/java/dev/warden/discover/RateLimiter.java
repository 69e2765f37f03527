package dev.warden.discover;

/**
 * Spaces events evenly at a fixed rate over all threads (connects per second): each caller reserves the next slot
 * and sleeps until it. Cheap with virtual threads, and never bursts above the rate.
 */
final class RateLimiter {
    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(int perSecond) {
        this.intervalNanos = 1_000_000_000L / perSecond;
    }

    void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, next);
            next = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }
}
