package dev.warden.lab.device;

import dev.warden.lab.profile.Lockout;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address and locks the address out, as the real firmware does.
 * The lab is a simulator, not a detector: wall-clock time is fine here.
 */
public final class LoginGuard {
    private final Lockout policy;
    private final ConcurrentHashMap<InetAddress, long[]> state = new ConcurrentHashMap<>(); // {failures, lockedUntilNanos}

    public LoginGuard(Lockout policy) {
        this.policy = policy;
    }

    public boolean isLocked(InetAddress client) {
        if (policy == null) {
            return false;
        }
        long[] s = state.get(client);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            if (s[1] != 0 && System.nanoTime() - s[1] < 0) {
                return true;
            }
            if (s[1] != 0) { // lock expired
                s[0] = 0;
                s[1] = 0;
            }
            return false;
        }
    }

    public void failure(InetAddress client) {
        if (policy == null) {
            return;
        }
        long[] s = state.computeIfAbsent(client, k -> new long[2]);
        synchronized (s) {
            s[0]++;
            if (s[0] >= policy.attempts()) {
                s[1] = System.nanoTime() + policy.seconds() * 1_000_000_000L;
            }
        }
    }

    public void success(InetAddress client) {
        state.remove(client);
    }
}
