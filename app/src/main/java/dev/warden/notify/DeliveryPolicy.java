package dev.warden.notify;

import dev.warden.settings.IntTable;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Retry, lease and size limits of delivery, from {@code content/notify/delivery.yaml}.
 *
 * @param maxAttempts attempts before an item is dead
 * @param firstRetry  wait after the first failure; doubled after each further one
 * @param maxRetry    the longest wait
 * @param lease       how long a claimed item is hidden from other runs (a crash mid-delivery is retried after it)
 * @param batch       items read per run at most
 * @param timeout     connect and read timeout of every SMTP or HTTP call
 */
public record DeliveryPolicy(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration lease, int batch,
                             Duration timeout) {
    public static final String RESOURCE = "content/notify/delivery.yaml";
    private static final Set<String> NAMES = Set.of("max-attempts", "first-retry-seconds", "max-retry-seconds",
            "lease-seconds", "batch", "timeout-seconds");

    public static DeliveryPolicy load() {
        return of(IntTable.load(RESOURCE, NAMES));
    }

    public static DeliveryPolicy parse(String source, byte[] yaml) {
        return of(IntTable.parse(source, yaml, NAMES));
    }

    private static DeliveryPolicy of(Map<String, Integer> m) {
        return new DeliveryPolicy(m.get("max-attempts"), Duration.ofSeconds(m.get("first-retry-seconds")),
                Duration.ofSeconds(m.get("max-retry-seconds")), Duration.ofSeconds(m.get("lease-seconds")), m.get("batch"),
                Duration.ofSeconds(m.get("timeout-seconds")));
    }

    /** The wait after the {@code attempts}-th failed attempt: first-retry × 2^(attempts-1), at most max-retry. */
    public Duration backoff(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long seconds = firstRetry.getSeconds() << shift;
        return seconds <= 0 || seconds > maxRetry.getSeconds() ? maxRetry : Duration.ofSeconds(seconds);
    }
}
