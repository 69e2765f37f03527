package dev.warden.watch.zeek;

import static dev.warden.watch.zeek.ConnColumns.*;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns one conn.log line's values into a {@link FlowEvent}: the originator is the client, the responder the server;
 * packets and bytes are Zeek's {@code *_pkts} and {@code *_ip_bytes} (IP-layer bytes); start is {@code ts}, end is
 * {@code ts + duration}. TCP flags and state come from {@code history} (upper case: originator, lower case:
 * responder; S SYN, H SYN-ACK, A ACK, D data, F FIN, R RST) or, without a history, from {@code conn_state}.
 * Zeek does not log sequence numbers, so Mirai's SYN signature is never set from a log.
 */
final class ConnLine {
    private static final long SECOND = 1_000_000_000L;

    private ConnLine() {
    }

    /** A line that is not a connection: {@code reason} is the counter name, the message a detail. */
    static final class BadLine extends Exception {
        final String reason;

        BadLine(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** The values of one line and how to read them. */
    record Values(String[] raw, int count, ConnColumns columns, String unset, String empty) {
        /** Wanted value {@code w}, or null when the column is absent, unset or empty. */
        String get(int w) {
            int c = columns.column(w);
            if (c < 0 || c >= count) {
                return null;
            }
            String s = raw[c].strip();
            return s.isEmpty() || s.equals(unset) || s.equals(empty) ? null : s;
        }
    }

    static FlowEvent flow(Values v) throws BadLine {
        if (v.columns().missing() != null) {
            throw new BadLine("zeek.missing-column", v.columns().missing());
        }
        long start = nanos(v.get(TS), "zeek.bad-ts");
        IpAddress client = address(v.get(ORIG_H));
        IpAddress server = address(v.get(RESP_H));
        if (client.version() != server.version()) {
            throw new BadLine("zeek.bad-address", "mixed IPv4 and IPv6");
        }
        int protocol = protocol(v.get(PROTO), client.version());
        boolean ports = protocol == PacketView.PROTO_TCP || protocol == PacketView.PROTO_UDP;
        int clientPort = ports ? port(v.get(ORIG_P)) : 0;
        int serverPort = ports ? port(v.get(RESP_P)) : 0;
        String duration = v.get(DURATION);
        long end = start + (duration == null ? 0 : nanos(duration, "zeek.bad-duration"));
        String history = v.get(HISTORY);
        String state = v.get(STATE);
        boolean tcp = protocol == PacketView.PROTO_TCP;
        int clientFlags = tcp ? flags(history, true) : 0;
        int serverFlags = tcp ? flags(history, false) : 0;
        boolean clientSyn = tcp && (history != null ? history.indexOf('S') >= 0 : synFromState(state));
        return new FlowEvent(client.version(), protocol, client.high(), client.low(), clientPort,
                server.high(), server.low(), serverPort, start, end,
                count(v.get(ORIG_PKTS)), count(v.get(ORIG_BYTES)), count(v.get(RESP_PKTS)), count(v.get(RESP_BYTES)),
                clientFlags, serverFlags, tcp ? tcpState(history, state) : TcpState.NONE, clientSyn, false,
                EndReason.EXTERNAL);
    }

    /** Seconds with an optional fraction ({@code 1547127288.026074}) or an ISO-8601 instant, as nanoseconds. */
    static long nanos(String s, String reason) throws BadLine {
        if (s == null) {
            throw new BadLine(reason, "unset");
        }
        if (s.indexOf('T') > 0) {
            try {
                Instant i = Instant.parse(s);
                return Math.multiplyExact(i.getEpochSecond(), SECOND) + i.getNano();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new BadLine(reason, s);
            }
        }
        if (s.indexOf('e') > 0 || s.indexOf('E') > 0) {
            return scientific(s, reason);
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 11 || fraction.length() > 40 || !digits(whole) || !digits(fraction)) {
            throw new BadLine(reason, s);
        }
        long n = Long.parseLong(whole) * SECOND;
        long f = 0;
        for (int i = 0; i < 9; i++) {
            f = f * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return n + f;
    }

    /** {@code 5.2e-05} (IoT-23's resampled logs write short durations so): bounded before any arithmetic. */
    private static long scientific(String s, String reason) throws BadLine {
        try {
            BigDecimal d = new BigDecimal(s);
            if (s.length() > 40 || d.signum() < 0 || d.scale() > 40 || d.precision() - d.scale() > 11) {
                throw new BadLine(reason, s);
            }
            return d.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadLine(reason, s);
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IpAddress address(String s) throws BadLine {
        try {
            return IpAddress.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadLine("zeek.bad-address", s);
        }
    }

    private static int protocol(String s, int ipVersion) throws BadLine {
        if (s == null) {
            throw new BadLine("zeek.bad-proto", "unset");
        }
        return switch (s) {
            case "tcp" -> PacketView.PROTO_TCP;
            case "udp" -> PacketView.PROTO_UDP;
            case "icmp" -> ipVersion == 6 ? PacketView.PROTO_ICMPV6 : PacketView.PROTO_ICMP;
            default -> throw new BadLine("zeek.bad-proto", s);
        };
    }

    private static int port(String s) throws BadLine {
        if (s == null) {
            throw new BadLine("zeek.bad-port", "unset");
        }
        if (s.length() > 5 || !digits(s) || Integer.parseInt(s) > 65_535) {
            throw new BadLine("zeek.bad-port", s);
        }
        return Integer.parseInt(s);
    }

    /** A count; unset is 0; {@code 92.0} (IoT-23's resampled logs write counts as floats) is 92. */
    private static long count(String s) throws BadLine {
        if (s == null) {
            return 0;
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 18 || !digits(whole) || !digits(fraction)) {
            throw new BadLine("zeek.bad-count", s);
        }
        return Long.parseLong(whole);
    }

    /** TCP flags one side sent, from the history letters (upper case: originator). */
    private static int flags(String history, boolean originator) {
        if (history == null) {
            return 0;
        }
        int flags = 0;
        for (int i = 0; i < history.length(); i++) {
            char c = history.charAt(i);
            if (Character.isUpperCase(c) != originator) {
                continue;
            }
            flags |= switch (Character.toUpperCase(c)) {
                case 'S' -> PacketView.TCP_SYN;
                case 'H' -> PacketView.TCP_SYN | PacketView.TCP_ACK;
                case 'A', 'D' -> PacketView.TCP_ACK;
                case 'F' -> PacketView.TCP_FIN;
                case 'R' -> PacketView.TCP_RST;
                default -> 0;
            };
        }
        return flags;
    }

    /** Without a history: the states in which Zeek saw the originator's SYN. */
    private static boolean synFromState(String state) {
        return state != null && switch (state) {
            case "S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "SH" -> true;
            default -> false;
        };
    }

    static TcpState tcpState(String history, String state) {
        if (history != null) {
            if (history.indexOf('F') >= 0 || history.indexOf('f') >= 0 || history.indexOf('R') >= 0
                    || history.indexOf('r') >= 0) {
                return TcpState.CLOSED;
            }
            boolean syn = history.indexOf('S') >= 0;
            boolean synAck = history.indexOf('h') >= 0;
            if (syn && synAck && (history.indexOf('A') >= 0 || history.indexOf('D') >= 0)) {
                return TcpState.ESTABLISHED;
            }
            return synAck ? TcpState.SYN_ACK : syn ? TcpState.SYN : TcpState.NONE;
        }
        if (state == null) {
            return TcpState.NONE;
        }
        return switch (state) {
            case "S0" -> TcpState.SYN;
            case "S1" -> TcpState.ESTABLISHED;
            case "OTH" -> TcpState.NONE;
            default -> TcpState.CLOSED;   // SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR: FIN or RST seen
        };
    }
}
