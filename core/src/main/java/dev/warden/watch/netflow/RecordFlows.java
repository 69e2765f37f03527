package dev.warden.watch.netflow;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;
import java.net.Inet4Address;

/**
 * Turns an exported {@link FlowRecord} into the {@link FlowEvent} detectors read. A NetFlow record is one direction
 * of a conversation, so the flow's client is the record's source and the server side has no packets; the answer, if
 * any, is another record and another flow. Records are not paired: an exporter's two directions can arrive minutes
 * apart in different datagrams, and pairing would hold state for every open conversation while the detectors only
 * need each sender's side. Because the flags are cumulative, the client's SYN ({@link FlowEvent#clientSyn()}) is
 * only known when the record holds SYN without ACK: a probe that never completed a handshake, which is what scan
 * detection counts; a server's SYN-ACK record never counts as a SYN. Times are the exporter's, or the receive time
 * when it gave none; counters are as exported (not scaled by sampling); Mirai's SYN signature is not visible.
 */
public final class RecordFlows {
    private RecordFlows() {
    }

    /** The flow of {@code r}, or null when the record carries no source or destination address. */
    public static FlowEvent of(FlowRecord r) {
        if (r.srcAddress() == null || r.dstAddress() == null
                || (r.srcAddress() instanceof Inet4Address) != (r.dstAddress() instanceof Inet4Address)) {
            return null;
        }
        IpAddress src = IpAddress.of(r.srcAddress());
        IpAddress dst = IpAddress.of(r.dstAddress());
        boolean ports = r.protocol() == PacketView.PROTO_TCP || r.protocol() == PacketView.PROTO_UDP;
        long start = (r.startMillis() > 0 ? r.startMillis() : r.receivedMillis()) * 1_000_000L;
        long end = Math.max(start, (r.endMillis() > 0 ? r.endMillis() : r.receivedMillis()) * 1_000_000L);
        boolean tcp = r.protocol() == PacketView.PROTO_TCP;
        int flags = tcp ? r.tcpFlags() & 0xFF : 0;
        boolean syn = (flags & PacketView.TCP_SYN) != 0 && (flags & PacketView.TCP_ACK) == 0;
        return new FlowEvent(src.version(), r.protocol(), src.high(), src.low(), ports ? r.srcPort() : 0,
                dst.high(), dst.low(), ports ? r.dstPort() : 0, start, end, r.packets(), r.bytes(), 0, 0,
                flags, 0, tcp ? state(flags) : TcpState.NONE, syn, false, EndReason.EXTERNAL);
    }

    private static TcpState state(int flags) {
        if ((flags & (PacketView.TCP_FIN | PacketView.TCP_RST)) != 0) {
            return TcpState.CLOSED;
        }
        if ((flags & PacketView.TCP_SYN) != 0) {
            return (flags & PacketView.TCP_ACK) != 0 ? TcpState.ESTABLISHED : TcpState.SYN;
        }
        return TcpState.NONE;
    }
}
