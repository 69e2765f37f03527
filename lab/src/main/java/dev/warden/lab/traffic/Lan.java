package dev.warden.lab.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic network: a 192.168.50.0/24 LAN with a router (gateway and DNS resolver), a video recorder and the
 * cameras, and the remote ends they talk to (documentation ranges 198.51.100.0/24 and 203.0.113.0/24 only, so no
 * real host is named). Frames to or from a remote host carry the router's MAC address, as on a real LAN.
 */
final class Lan {
    static final int ROUTER = ip(192, 168, 50, 1);
    static final int RECORDER = ip(192, 168, 50, 5);
    static final int FIRST_CAMERA = ip(192, 168, 50, 11);
    static final int CLOUD = ip(198, 51, 100, 20);
    static final int NTP = ip(203, 0, 113, 123);
    static final int C2 = ip(198, 51, 100, 66);
    static final int C2_PORT = 6982;
    static final int EXFIL = ip(203, 0, 113, 66);
    static final int VICTIM = ip(203, 0, 113, 77);
    static final int BRUTE_TARGET = ip(203, 0, 113, 23);
    static final String CLOUD_NAME = "cloud.camvendor.example";
    static final String NTP_NAME = "ntp.camvendor.example";
    static final String VICTIM_DOMAIN = "victim-dns.example";

    private static final int LAN_PREFIX = ip(192, 168, 50, 0);
    private static final byte[] ROUTER_MAC = {0x02, 0x00, 0x5e, 0x32, 0x00, 0x01};

    private final int cameras;

    Lan(int cameras) {
        this.cameras = cameras;
    }

    List<Integer> cameras() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            out.add(FIRST_CAMERA + i);
        }
        return out;
    }

    /** The camera that plays the botnet phases: the last one. */
    int infected() {
        return FIRST_CAMERA + cameras - 1;
    }

    /** Whether a host with this address answers on the LAN (router, recorder, cameras). */
    boolean exists(int addr) {
        return addr == ROUTER || addr == RECORDER || (addr >= FIRST_CAMERA && addr < FIRST_CAMERA + cameras);
    }

    static boolean local(int addr) {
        return (addr & 0xFFFFFF00) == LAN_PREFIX;
    }

    /** The MAC address {@code host} has on the wire when talking to {@code peer}. */
    byte[] mac(int host, int peer) {
        if (!local(host)) {
            return ROUTER_MAC.clone();
        }
        return new byte[] {0x02, 0x42, (byte) 0xc0, (byte) 0xa8, 0x32, (byte) host};
    }

    /** Time to live as seen on the LAN: 64 from local hosts, less from remote ones after their hops. */
    int ttl(int src) {
        return local(src) ? 64 : 52;
    }

    static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    static String text(int addr) {
        return (addr >>> 24) + "." + (addr >>> 16 & 0xFF) + "." + (addr >>> 8 & 0xFF) + "." + (addr & 0xFF);
    }
}
