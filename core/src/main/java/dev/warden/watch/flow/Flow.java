package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;

/** The mutable state of one open flow; {@link FlowTable} owns it and turns it into a {@link FlowEvent} at its end. */
final class Flow {
    private static final int SYN_ONLY = PacketView.TCP_SYN | PacketView.TCP_ACK;

    private final int ipVersion;
    private final int protocol;
    private final long clientHigh;
    private final long clientLow;
    private final int clientPort;
    private final long serverHigh;
    private final long serverLow;
    private final int serverPort;
    private final long startNanos;
    long lastNanos;
    private long clientPackets;
    private long clientBytes;
    private long serverPackets;
    private long serverBytes;
    private int clientFlags;
    private int serverFlags;
    private TcpState state = TcpState.NONE;
    private boolean clientSyn;
    private boolean synSeqIsDestination;
    /** {@link FlowTable}'s bookkeeping: the direction-free hash and the access-ordered list links. */
    int hash;
    Flow older;
    Flow newer;

    /** A flow whose client is the packet's source, or its destination when {@code reversed}. */
    private Flow(PacketView p, boolean reversed) {
        ipVersion = p.ipVersion();
        protocol = p.protocol();
        clientHigh = reversed ? p.dstHigh() : p.srcHigh();
        clientLow = reversed ? p.dstLow() : p.srcLow();
        clientPort = reversed ? p.dstPort() : p.srcPort();
        serverHigh = reversed ? p.srcHigh() : p.dstHigh();
        serverLow = reversed ? p.srcLow() : p.dstLow();
        serverPort = reversed ? p.srcPort() : p.dstPort();
        startNanos = p.timestampNanos();
        lastNanos = startNanos;
    }

    /** A flow opened by this packet; a SYN-ACK opens it with the receiver as client. */
    static Flow open(PacketView p) {
        boolean synAck = p.protocol() == PacketView.PROTO_TCP && (p.tcpFlags() & SYN_ONLY) == SYN_ONLY;
        return new Flow(p, synAck);
    }

    /** The next flow on the same 5-tuple after an active timeout: same client, starting at this packet. */
    Flow successor(PacketView p) {
        return new Flow(p, !fromClient(p));
    }

    long startNanos() {
        return startNanos;
    }

    boolean closed() {
        return state == TcpState.CLOSED;
    }

    /** True when the packet belongs to this flow, in either direction. */
    boolean matches(PacketView p) {
        if (p.protocol() != protocol) {
            return false;
        }
        if (p.srcLow() == clientLow && p.srcHigh() == clientHigh && p.srcPort() == clientPort) {
            return p.dstLow() == serverLow && p.dstHigh() == serverHigh && p.dstPort() == serverPort;
        }
        return p.srcLow() == serverLow && p.srcHigh() == serverHigh && p.srcPort() == serverPort
                && p.dstLow() == clientLow && p.dstHigh() == clientHigh && p.dstPort() == clientPort;
    }

    boolean fromClient(PacketView p) {
        return p.srcLow() == clientLow && p.srcHigh() == clientHigh && p.srcPort() == clientPort;
    }

    void add(PacketView p) {
        lastNanos = Math.max(lastNanos, p.timestampNanos());
        boolean fromClient = fromClient(p);
        int flags = p.tcpFlags();
        if (fromClient) {
            clientPackets++;
            clientBytes += p.originalLength();
            clientFlags |= flags;
        } else {
            serverPackets++;
            serverBytes += p.originalLength();
            serverFlags |= flags;
        }
        if (protocol == PacketView.PROTO_TCP) {
            tcp(p, fromClient, flags);
        }
    }

    private void tcp(PacketView p, boolean fromClient, int flags) {
        int synAck = flags & SYN_ONLY;
        if (fromClient && synAck == PacketView.TCP_SYN && !clientSyn) {
            clientSyn = true;
            synSeqIsDestination = ipVersion == 4 && p.seq() == (serverLow & 0xFFFFFFFFL);
        }
        if ((flags & (PacketView.TCP_FIN | PacketView.TCP_RST)) != 0) {
            state = TcpState.CLOSED;
        } else if (state == TcpState.NONE && synAck == PacketView.TCP_SYN) {
            state = TcpState.SYN;
        } else if (!fromClient && synAck == SYN_ONLY && (state == TcpState.NONE || state == TcpState.SYN)) {
            state = TcpState.SYN_ACK;
        } else if (fromClient && state == TcpState.SYN_ACK && (flags & PacketView.TCP_ACK) != 0) {
            state = TcpState.ESTABLISHED;
        }
    }

    FlowEvent end(EndReason reason) {
        return new FlowEvent(ipVersion, protocol, clientHigh, clientLow, clientPort, serverHigh, serverLow, serverPort,
                startNanos, lastNanos, clientPackets, clientBytes, serverPackets, serverBytes, clientFlags, serverFlags,
                state, clientSyn, synSeqIsDestination, reason);
    }
}
