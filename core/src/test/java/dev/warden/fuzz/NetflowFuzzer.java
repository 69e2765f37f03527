package dev.warden.fuzz;

import dev.warden.watch.netflow.NetflowDecoder;
import dev.warden.watch.netflow.NetflowStats;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Fuzz target: a sequence of datagrams from one exporter to the NetFlow v5/v9/IPFIX decoder, so a template learnt from
 * one datagram is used (and abused) by the next. Input: 2-byte length, datagram, repeated.
 */
public final class NetflowFuzzer {
    private static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();

    private NetflowFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        NetflowDecoder decoder = new NetflowDecoder(new NetflowStats());
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.remaining() >= 2) {
            int len = Math.min(in.getShort() & 0xFFFF, in.remaining());
            ByteBuffer datagram = in.slice(in.position(), len);
            in.position(in.position() + len);
            decoder.decode(datagram, EXPORTER, 1_700_000_000_000L, r -> { });
        }
    }
}
