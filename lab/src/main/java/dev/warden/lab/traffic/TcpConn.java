package dev.warden.lab.traffic;

import java.util.Random;

/**
 * One TCP connection as the LAN capture sees it: handshake, data each way with the peer's acknowledgements (one per
 * two segments, as delayed ACK does), and a FIN exchange; sequence numbers kept right on both sides. Times are
 * nanoseconds; every method returns the time of the last packet it added.
 */
final class TcpConn {
    private static final int MSS = 1448;
    private static final long SEGMENT_GAP = 20_000;

    private final Capture cap;
    private final int client;
    private final int server;
    private final int clientPort;
    private final int serverPort;
    private final long rtt;
    private long clientSeq;
    private long serverSeq;

    TcpConn(Capture cap, Random random, int client, int clientPort, int server, int serverPort, long rttNanos) {
        this.cap = cap;
        this.client = client;
        this.server = server;
        this.clientPort = clientPort;
        this.serverPort = serverPort;
        this.rtt = rttNanos;
        this.clientSeq = random.nextInt() & 0xFFFFFFFFL;
        this.serverSeq = random.nextInt() & 0xFFFFFFFFL;
    }

    long open(long t) {
        cap.tcp(t, client, server, clientPort, serverPort, clientSeq, 0, Frames.TCP_SYN, new byte[0]);
        clientSeq++;
        cap.tcp(t + rtt, server, client, serverPort, clientPort, serverSeq, clientSeq, Frames.TCP_SYN | Frames.TCP_ACK,
                new byte[0]);
        serverSeq++;
        long done = t + rtt + SEGMENT_GAP;
        cap.tcp(done, client, server, clientPort, serverPort, clientSeq, serverSeq, Frames.TCP_ACK, new byte[0]);
        return done;
    }

    /** The client sends {@code data}; the server acknowledges. */
    long clientSends(long t, byte[] data) {
        return send(t, true, data);
    }

    /** The server sends {@code data}; the client acknowledges. */
    long serverSends(long t, byte[] data) {
        return send(t, false, data);
    }

    /** The client closes first; the server answers with its own FIN. */
    long close(long t) {
        cap.tcp(t, client, server, clientPort, serverPort, clientSeq, serverSeq, Frames.TCP_FIN | Frames.TCP_ACK,
                new byte[0]);
        clientSeq++;
        cap.tcp(t + rtt, server, client, serverPort, clientPort, serverSeq, clientSeq,
                Frames.TCP_FIN | Frames.TCP_ACK, new byte[0]);
        serverSeq++;
        long done = t + rtt + SEGMENT_GAP;
        cap.tcp(done, client, server, clientPort, serverPort, clientSeq, serverSeq, Frames.TCP_ACK, new byte[0]);
        return done;
    }

    private long send(long t, boolean fromClient, byte[] data) {
        long at = t;
        int segments = 0;
        for (int off = 0; off < data.length; off += MSS) {
            int n = Math.min(MSS, data.length - off);
            byte[] seg = new byte[n];
            System.arraycopy(data, off, seg, 0, n);
            boolean last = off + n >= data.length;
            int flags = Frames.TCP_ACK | (last ? Frames.TCP_PSH : 0);
            if (fromClient) {
                cap.tcp(at, client, server, clientPort, serverPort, clientSeq, serverSeq, flags, seg);
                clientSeq = (clientSeq + n) & 0xFFFFFFFFL;
            } else {
                cap.tcp(at, server, client, serverPort, clientPort, serverSeq, clientSeq, flags, seg);
                serverSeq = (serverSeq + n) & 0xFFFFFFFFL;
            }
            segments++;
            if (segments % 2 == 0 || last) {
                ack(at + rtt, fromClient);
            }
            at += SEGMENT_GAP;
        }
        return at - SEGMENT_GAP + rtt;
    }

    private void ack(long t, boolean toClient) {
        if (toClient) {
            cap.tcp(t, server, client, serverPort, clientPort, serverSeq, clientSeq, Frames.TCP_ACK, new byte[0]);
        } else {
            cap.tcp(t, client, server, clientPort, serverPort, clientSeq, serverSeq, Frames.TCP_ACK, new byte[0]);
        }
    }
}
