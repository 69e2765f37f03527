package dev.warden.watch.profile;

/** One port a device serves or connects to: flows seen and whether it was first seen while the device was learning. */
public final class PortUse {
    private final int key;
    private final boolean learned;
    private long flows;

    PortUse(int key, boolean learned) {
        this.key = key;
        this.learned = learned;
    }

    /** Protocol and port in one int: {@code protocol << 16 | port}. */
    public static int key(int protocol, int port) {
        return (protocol & 0xFF) << 16 | (port & 0xFFFF);
    }

    /** "554/tcp", "123/udp", "0/47" for other protocols. */
    public static String describe(int key) {
        int protocol = key >>> 16;
        String name = switch (protocol) {
            case 6 -> "tcp";
            case 17 -> "udp";
            default -> Integer.toString(protocol);
        };
        return (key & 0xFFFF) + "/" + name;
    }

    void add() {
        flows++;
    }

    public int key() {
        return key;
    }

    public int port() {
        return key & 0xFFFF;
    }

    /** True when first seen while the device was learning: a usual port. */
    public boolean learned() {
        return learned;
    }

    public long flows() {
        return flows;
    }

    @Override
    public String toString() {
        return describe(key);
    }
}
