package dev.warden.assess;

import dev.warden.scope.Scope;
import java.time.Duration;
import java.util.Objects;

/**
 * How a scan may behave.
 *
 * @param scope              the allow-list; nothing outside it is contacted or reported
 * @param allowIntrusive     run {@code intrusive}-tier checks (auth bypasses, reads of protected data)
 * @param concurrency        devices assessed at once
 * @param perHostConcurrency checks running at once against one device
 * @param connectTimeout     per connection
 * @param readTimeout        per response, start to end
 * @param maxResponseBytes   most bytes read of one response body
 * @param authAttempts       login attempts per service per scan, across all checks
 */
public record AssessOptions(Scope scope, boolean allowIntrusive, int concurrency, int perHostConcurrency,
                            Duration connectTimeout, Duration readTimeout, int maxResponseBytes, int authAttempts) {
    public AssessOptions {
        Objects.requireNonNull(scope, "scope");
        if (concurrency < 1 || perHostConcurrency < 1 || maxResponseBytes < 1024) {
            throw new IllegalArgumentException("concurrency >= 1, perHostConcurrency >= 1, maxResponseBytes >= 1024");
        }
        if (authAttempts < 0 || authAttempts > 3) {
            throw new IllegalArgumentException("authAttempts is 0..3: more would lock accounts out");
        }
    }

    /** Read-only and login checks, 32 devices at once, one check at a time per device, 2 s / 5 s, 64 KiB, 3 logins. */
    public static AssessOptions defaults(Scope scope) {
        return new AssessOptions(scope, false, 32, 1, Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 3);
    }

    public AssessOptions withAllowIntrusive(boolean allow) {
        return new AssessOptions(scope, allow, concurrency, perHostConcurrency, connectTimeout, readTimeout,
                maxResponseBytes, authAttempts);
    }

    public AssessOptions withTimeouts(Duration connect, Duration read) {
        return new AssessOptions(scope, allowIntrusive, concurrency, perHostConcurrency, connect, read,
                maxResponseBytes, authAttempts);
    }
}
