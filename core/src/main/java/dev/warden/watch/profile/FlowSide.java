package dev.warden.watch.profile;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;

/**
 * One flow as one of its ends saw it: "out" is what {@code host} sent. A flow between two local devices has two sides,
 * one per device's profile.
 *
 * @param host the device whose side this is
 * @param peer the other end
 * @param peerLocal true when the peer is in the watched network's own ranges
 * @param client true when {@code host} opened the flow
 * @param answered true when the flow's server replied (TCP: sent SYN-ACK; without TCP flags, or other protocols: sent
 *        anything), so a port counts as served only when the device really served it
 * @param protocol IP protocol
 * @param port the flow's server port (the one {@code host} connected to, or served on)
 */
public record FlowSide(IpAddress host, IpAddress peer, boolean peerLocal, boolean client, boolean answered,
                       int protocol, int port, long startNanos, long endNanos, long bytesOut, long bytesIn,
                       long packetsOut, long packetsIn) {
    private static final int SYN_ACK = PacketView.TCP_SYN | PacketView.TCP_ACK;

    /** The client's side of {@code f}. */
    public static FlowSide ofClient(FlowEvent f, boolean serverLocal) {
        return new FlowSide(new IpAddress(f.ipVersion(), f.clientHigh(), f.clientLow()),
                new IpAddress(f.ipVersion(), f.serverHigh(), f.serverLow()), serverLocal, true, answered(f),
                f.protocol(), f.serverPort(), f.startNanos(), f.endNanos(), f.clientBytes(), f.serverBytes(),
                f.clientPackets(), f.serverPackets());
    }

    /** The server's side of {@code f}. */
    public static FlowSide ofServer(FlowEvent f, boolean clientLocal) {
        return new FlowSide(new IpAddress(f.ipVersion(), f.serverHigh(), f.serverLow()),
                new IpAddress(f.ipVersion(), f.clientHigh(), f.clientLow()), clientLocal, false, answered(f),
                f.protocol(), f.serverPort(), f.startNanos(), f.endNanos(), f.serverBytes(), f.clientBytes(),
                f.serverPackets(), f.clientPackets());
    }

    private static boolean answered(FlowEvent f) {
        if (f.protocol() == PacketView.PROTO_TCP && f.serverFlags() != 0) {
            return (f.serverFlags() & SYN_ACK) == SYN_ACK;
        }
        return f.serverPackets() > 0;
    }
}
