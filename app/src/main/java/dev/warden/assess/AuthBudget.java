package dev.warden.assess;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The scan-wide limit on login attempts: at most N per service across all checks (HTTP/RTSP/ONVIF per ip and port,
 * telnet and FTP per ip and protocol), and none at all after a service showed a lockout signal. Real cameras lock
 * accounts or addresses after a few failures (Hikvision 7, Dahua 5); Warden must never be what locks the owner out.
 */
public final class AuthBudget {
    private final int perService;
    private final ConcurrentHashMap<String, int[]> used = new ConcurrentHashMap<>();
    private final java.util.Set<String> locked = ConcurrentHashMap.newKeySet();

    public AuthBudget(int perService) {
        this.perService = perService;
    }

    /** The budget key of a service. */
    public static String key(String ip, int port, boolean perProtocol, String protocol) {
        return perProtocol ? ip + "/" + protocol : ip + ":" + port;
    }

    /** Takes one attempt; false when the service's attempts are spent or it signalled a lockout. */
    public boolean tryAcquire(String key) {
        if (locked.contains(key)) {
            return false;
        }
        int[] n = used.computeIfAbsent(key, k -> new int[1]);
        synchronized (n) {
            if (n[0] >= perService) {
                return false;
            }
            n[0]++;
            return true;
        }
    }

    /** Stops all further attempts on the service. */
    public void lockout(String key) {
        locked.add(key);
    }

    public boolean lockedOut(String key) {
        return locked.contains(key);
    }

    /** Attempts taken on the service so far. */
    public int used(String key) {
        int[] n = used.get(key);
        if (n == null) {
            return 0;
        }
        synchronized (n) {
            return n[0];
        }
    }
}
