package dev.warden.watch.flow;

import dev.warden.watch.decode.PacketView;

/**
 * One finished bidirectional flow. The client is the side that sent the first packet, or the receiver when the first
 * packet seen was a SYN-ACK (a capture that missed the SYN, or backscatter of a spoofed flood). Addresses are held as
 * two longs each as in {@link PacketView} (IPv4 mapped), ports are 0 for protocols without them.
 *
 * @param clientSyn true when the client sent a SYN without ACK
 * @param synSeqIsDestination true when the client's first SYN carried the server's IPv4 address as its sequence
 *        number, the signature of Mirai's scanner (it sets {@code seq = daddr} to recognise answers statelessly)
 */
public record FlowEvent(int ipVersion, int protocol,
                        long clientHigh, long clientLow, int clientPort,
                        long serverHigh, long serverLow, int serverPort,
                        long startNanos, long endNanos,
                        long clientPackets, long clientBytes, long serverPackets, long serverBytes,
                        int clientFlags, int serverFlags, TcpState state,
                        boolean clientSyn, boolean synSeqIsDestination, EndReason reason) {

    /** The client address as text (allocates). */
    public String client() {
        return PacketView.address(clientHigh, clientLow, ipVersion);
    }

    /** The server address as text (allocates). */
    public String server() {
        return PacketView.address(serverHigh, serverLow, ipVersion);
    }
}
