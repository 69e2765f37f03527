package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;

/** Builds finished flows for detector and profile tests, as a Zeek log or NetFlow collector would hand them over. */
public final class Flows {
    /** Traffic time zero of the tests: 2023-11-14T22:13:20Z. */
    public static final long T0 = 1_700_000_000L * RuleFields.SECOND;

    private Flows() {
    }

    /** An answered TCP flow starting {@code startSeconds} after {@link #T0}. */
    public static FlowEvent tcp(String client, String server, int serverPort, double startSeconds,
                                double durationSeconds, long clientBytes, long serverBytes) {
        return flow(PacketView.PROTO_TCP, client, server, serverPort, startSeconds, durationSeconds, clientBytes,
                serverBytes, true);
    }

    /** A TCP SYN nobody answered. */
    public static FlowEvent syn(String client, String server, int serverPort, double startSeconds) {
        return flow(PacketView.PROTO_TCP, client, server, serverPort, startSeconds, 0, 60, 0, false);
    }

    /** A UDP flow (answered when {@code serverBytes > 0}). */
    public static FlowEvent udp(String client, String server, int serverPort, double startSeconds, long clientBytes,
                                long serverBytes) {
        return flow(PacketView.PROTO_UDP, client, server, serverPort, startSeconds, 0.01, clientBytes, serverBytes,
                serverBytes > 0);
    }

    private static FlowEvent flow(int protocol, String client, String server, int serverPort, double startSeconds,
                                  double durationSeconds, long clientBytes, long serverBytes, boolean answered) {
        IpAddress c = IpAddress.parse(client);
        IpAddress s = IpAddress.parse(server);
        long start = T0 + (long) (startSeconds * RuleFields.SECOND);
        long end = start + (long) (durationSeconds * RuleFields.SECOND);
        boolean tcp = protocol == PacketView.PROTO_TCP;
        int clientFlags = !tcp ? 0 : answered ? PacketView.TCP_SYN | PacketView.TCP_ACK : PacketView.TCP_SYN;
        int serverFlags = tcp && answered ? PacketView.TCP_SYN | PacketView.TCP_ACK : 0;
        long clientPackets = Math.max(1, clientBytes / 1400);
        long serverPackets = answered ? Math.max(1, serverBytes / 1400) : 0;
        TcpState state = !tcp ? TcpState.NONE : answered ? TcpState.ESTABLISHED : TcpState.SYN;
        int clientPort = 30_000 + (int) ((start / RuleFields.SECOND) % 30_000);
        return new FlowEvent(c.version(), protocol, c.high(), c.low(), clientPort, s.high(), s.low(), serverPort,
                start, end, clientPackets, clientBytes, serverPackets, serverBytes, clientFlags, serverFlags, state,
                tcp, false, EndReason.IDLE);
    }
}
