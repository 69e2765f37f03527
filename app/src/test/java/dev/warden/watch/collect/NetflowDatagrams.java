package dev.warden.watch.collect;

import java.nio.ByteBuffer;

/** NetFlow v5 datagrams built byte by byte for collector and CLI tests. */
public final class NetflowDatagrams {
    private NetflowDatagrams() {
    }

    /**
     * A v5 datagram of {@code count} records with flow sequence {@code sequence}: 10.0.0.1 sends one 60-byte SYN (no
     * ACK) to port 23 of 10.0.0.{2 + sequence + i}, so consecutive datagrams probe distinct addresses.
     */
    public static byte[] v5(int count, int sequence) {
        ByteBuffer b = ByteBuffer.allocate(24 + 48 * count);
        b.putShort((short) 5).putShort((short) count).putInt(1000).putInt(1_700_000_000).putInt(0).putInt(sequence)
                .putInt(0);
        for (int i = 0; i < count; i++) {
            b.putInt(0x0A000001).putInt(0x0A000002 + sequence + i).putInt(0).putShort((short) 0).putShort((short) 0)
                    .putInt(1).putInt(60).putInt(500).putInt(900).putShort((short) (40000 + i)).putShort((short) 23)
                    .put((byte) 0).put((byte) 0x02).put((byte) 6).put((byte) 0).putInt(0).putInt(0);
        }
        return b.array();
    }
}
