package dev.warden.lab.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The infected camera's botnet phases, as Mirai and its IRC cousins (Tsunami/Kaiten, Muhstik) behave on the wire.
 * No exploit payload is written: scans are bare SYNs, brute-force logins use placeholder words, floods carry random
 * bytes, and the C2 speaks only the IRC needed to join a channel and receive an order.
 */
final class Botnet {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int FLOOD_PAYLOAD = 512;
    private static final int EXFIL_CHUNK = 20_000;
    private static final int EXFIL_GAP_MS = 50;
    private static final int[] LATERAL_PORTS = {23, 22, 445};

    private final Capture cap;
    private final Lan lan;
    private final NormalTraffic normal;
    private final int bot;
    private final Random r;

    Botnet(Capture cap, Lan lan, NormalTraffic normal, Random random) {
        this.cap = cap;
        this.lan = lan;
        this.normal = normal;
        this.bot = lan.infected();
        this.r = random;
    }

    /** Plays {@code phase} from {@code from} to {@code to}; returns a line describing what was sent. */
    String play(Phase phase, long from, long to, List<Scenario.Step> orders, long captureStart) {
        switch (phase) {
            case SCAN: return scan(from, to);
            case BRUTE_FORCE: return bruteForce(from, to);
            case C2: return c2(from, to, orders, captureStart);
            case EXFILTRATION: return exfiltration(from, to);
            case LATERAL_MOVEMENT: return lateral(from, to);
            case HTTP_FLOOD: return httpFlood(from, to);
            case DNS_WATER_TORTURE: return waterTorture(from, to);
            default: return flood(phase, from, to);
        }
    }

    private String scan(long from, long to) {
        long n = 0;
        for (long t = from; t <= to; t += step(Phase.SCAN.rate())) {
            int dst = publicAddress();
            int port = r.nextInt(10) == 0 ? 2323 : 23;
            int sport = 1024 + r.nextInt(64000);
            cap.tcp(t, bot, dst, sport, port, dst & 0xFFFFFFFFL, 0, Frames.TCP_SYN, new byte[0]);
            if (r.nextInt(50) == 0) {
                long back = t + (80 + r.nextInt(120)) * MS;
                long seq = r.nextInt() & 0xFFFFFFFFL;
                cap.tcp(back, dst, bot, port, sport, seq, (dst + 1L) & 0xFFFFFFFFL, Frames.TCP_SYN | Frames.TCP_ACK,
                        new byte[0]);
                cap.tcp(back + MS / 10, bot, dst, sport, port, (dst + 1L) & 0xFFFFFFFFL, 0, Frames.TCP_RST,
                        new byte[0]);
            }
            n++;
        }
        return n + " telnet SYNs (seq = destination) to random addresses";
    }

    private String bruteForce(long from, long to) {
        int sessions = 0;
        for (long t = from; t <= to - 2 * S; t += step(Phase.BRUTE_FORCE.rate())) {
            TcpConn c = new TcpConn(cap, r, bot, ephemeral(), Lan.BRUTE_TARGET, 23, 60 * MS);
            long at = c.open(t);
            at = c.serverSends(at + 5 * MS, Payloads.ascii("\r\nlogin: "));
            at = c.clientSends(at + 50 * MS, Payloads.ascii("user" + sessions + "\r\n"));
            at = c.serverSends(at + 5 * MS, Payloads.ascii("Password: "));
            at = c.clientSends(at + 50 * MS, Payloads.ascii("guess" + sessions + "\r\n"));
            at = c.serverSends(at + 300 * MS, Payloads.ascii("\r\nLogin incorrect\r\n"));
            c.close(at + 10 * MS);
            sessions++;
        }
        return sessions + " failed telnet logins to " + Lan.text(Lan.BRUTE_TARGET);
    }

    private record C2Event(long t, String order) {
    }

    private String c2(long from, long to, List<Scenario.Step> steps, long captureStart) {
        long t = normal.lookup(from, bot, "irc.c2.example", Lan.C2, r);
        TcpConn c = new TcpConn(cap, r, bot, ephemeral(), Lan.C2, Lan.C2_PORT, 90 * MS);
        String nick = "cam|" + Integer.toHexString(0x1000 + r.nextInt(0xF000));
        t = c.open(t + MS);
        t = c.clientSends(t + MS, Payloads.ascii("NICK " + nick + "\r\nUSER cam 8 * :cam\r\n"));
        t = c.serverSends(t + 5 * MS, Payloads.ascii(":irc.c2.example 001 " + nick + " :Welcome\r\n"));
        t = c.clientSends(t + MS, Payloads.ascii("JOIN #cams\r\n"));
        t = c.serverSends(t + 5 * MS, Payloads.ascii(":" + nick + "!cam@h JOIN :#cams\r\n"));
        List<C2Event> events = new ArrayList<>();
        for (long p = t + (80 + r.nextInt(20)) * S; p <= to; p += (80 + r.nextInt(20)) * S) {
            events.add(new C2Event(p, null));
        }
        int orders = 0;
        for (Scenario.Step s : steps) {
            long at = captureStart + s.offset().toNanos() - 2 * S;
            if (s.phase().isFlood() && at > t) {
                events.add(new C2Event(at, ".attack " + s.phase().wireName() + " " + target(s.phase()) + " time="
                        + s.length().toSeconds()));
                orders++;
            }
        }
        events.sort(Comparator.comparingLong(C2Event::t));
        for (C2Event e : events) {
            if (e.order() == null) {
                long at = c.serverSends(e.t(), Payloads.ascii("PING :irc.c2.example\r\n"));
                c.clientSends(at + MS, Payloads.ascii("PONG :irc.c2.example\r\n"));
            } else {
                c.serverSends(e.t(), Payloads.ascii(":boss!boss@c2 PRIVMSG #cams :" + e.order() + "\r\n"));
            }
        }
        return "IRC to " + Lan.text(Lan.C2) + ":" + Lan.C2_PORT + ", " + orders + " attack orders";
    }

    private static String target(Phase p) {
        return p == Phase.DNS_WATER_TORTURE ? Lan.VICTIM_DOMAIN : Lan.text(Lan.VICTIM);
    }

    private String flood(Phase phase, long from, long to) {
        long n = 0;
        for (long t = from; t <= to; t += step(phase.rate())) {
            int sport = ephemeral();
            switch (phase) {
                case SYN_FLOOD:
                    cap.tcp(t, bot, Lan.VICTIM, sport, 80, r.nextInt() & 0xFFFFFFFFL, 0, Frames.TCP_SYN, new byte[0]);
                    break;
                case ACK_FLOOD:
                    cap.tcp(t, bot, Lan.VICTIM, sport, 1 + r.nextInt(65535), r.nextInt() & 0xFFFFFFFFL,
                            r.nextInt() & 0xFFFFFFFFL, Frames.TCP_ACK, Payloads.random(r, FLOOD_PAYLOAD));
                    break;
                case UDP_FLOOD:
                    cap.udp(t, bot, Lan.VICTIM, sport, 1 + r.nextInt(65535), Payloads.random(r, FLOOD_PAYLOAD));
                    break;
                default:
                    cap.add(t, cap.frames().greIp(bot, Lan.VICTIM, Lan.VICTIM, sport, 1 + r.nextInt(65535),
                            Payloads.random(r, FLOOD_PAYLOAD), r.nextInt(0x10000)));
                    break;
            }
            n++;
        }
        return n + " packets (" + (long) phase.rate() + "/s) to " + Lan.text(Lan.VICTIM);
    }

    private String httpFlood(long from, long to) {
        long n = 0;
        for (long t = from; t <= to; t += step(Phase.HTTP_FLOOD.rate())) {
            TcpConn c = new TcpConn(cap, r, bot, ephemeral(), Lan.VICTIM, 80, 30 * MS);
            long at = c.open(t);
            at = c.clientSends(at + MS, Payloads.ascii("GET /?" + Integer.toHexString(r.nextInt())
                    + " HTTP/1.1\r\nHost: " + Lan.text(Lan.VICTIM) + "\r\nUser-Agent: Mozilla/5.0\r\nConnection: close\r\n\r\n"));
            at = c.serverSends(at + 5 * MS, Payloads.ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
            c.close(at + MS);
            n++;
        }
        return n + " HTTP GET connections to " + Lan.text(Lan.VICTIM) + ":80";
    }

    private String waterTorture(long from, long to) {
        long n = 0;
        char[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
        for (long t = from; t <= to; t += step(Phase.DNS_WATER_TORTURE.rate())) {
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                label.append(alphabet[r.nextInt(alphabet.length)]);
            }
            normal.lookup(t, bot, label + "." + Lan.VICTIM_DOMAIN, 0, r);
            n++;
        }
        return n + " queries for random names under " + Lan.VICTIM_DOMAIN;
    }

    /**
     * The camera's recordings posted over HTTP to a host it never talked to, at 3.2 Mbit/s (well within a camera's
     * uplink): about 24 MB in the minute, the size of a few minutes of video, which is what exfiltration.yaml calls
     * exfiltration on a stream port. (A 12 MB TLS upload, as this phase first sent, is below every threshold there
     * and indistinguishable from a clip upload.)
     */
    private String exfiltration(long from, long to) {
        TcpConn c = new TcpConn(cap, r, bot, ephemeral(), Lan.EXFIL, 80, 50 * MS);
        long t = c.open(from);
        c.clientSends(t + MS / 2, Payloads.ascii("POST /upload/recordings.tar HTTP/1.1\r\nHost: " + Lan.text(Lan.EXFIL)
                + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
        long bytes = 0;
        for (long at = t + MS; at <= to - S; at += EXFIL_GAP_MS * MS) {
            c.clientSends(at, Payloads.random(r, EXFIL_CHUNK));
            bytes += EXFIL_CHUNK;
        }
        c.close(to - S / 2);
        return bytes + " bytes of recordings posted to " + Lan.text(Lan.EXFIL) + ":80";
    }

    private String lateral(long from, long to) {
        long n = 0;
        int host = Lan.ip(192, 168, 50, 2);
        for (long t = from; t <= to - S; t += step(Phase.LATERAL_MOVEMENT.rate())) {
            if (host == bot) {
                host++;
            }
            int port = LATERAL_PORTS[(int) (n % LATERAL_PORTS.length)];
            int sport = ephemeral();
            long seq = r.nextInt() & 0xFFFFFFFFL;
            cap.tcp(t, bot, host, sport, port, seq, 0, Frames.TCP_SYN, new byte[0]);
            if (lan.exists(host)) {
                cap.tcp(t + MS / 2, host, bot, port, sport, 0, seq + 1, Frames.TCP_RST | Frames.TCP_ACK, new byte[0]);
            }
            n++;
            if (n % LATERAL_PORTS.length == 0) {
                host = Lan.ip(192, 168, 50, 2 + (int) (n / LATERAL_PORTS.length) % 250);
            }
        }
        return n + " connection attempts to LAN hosts on telnet, SSH and SMB";
    }

    /** A random unicast address outside private, loopback, multicast and reserved ranges. */
    private int publicAddress() {
        while (true) {
            int a = r.nextInt();
            int first = a >>> 24;
            if (first != 0 && first != 10 && first != 127 && first < 224 && (a & 0xFFF00000) != Lan.ip(172, 16, 0, 0)
                    && (a & 0xFFFF0000) != Lan.ip(192, 168, 0, 0) && (a & 0xFFFF0000) != Lan.ip(169, 254, 0, 0)) {
                return a;
            }
        }
    }

    private int ephemeral() {
        return 1024 + r.nextInt(64000);
    }

    /** The gap to the next event at {@code perSecond}, with ±20 % jitter. */
    private long step(double perSecond) {
        double mean = S / perSecond;
        return Math.max(1, (long) (mean * (0.8 + 0.4 * r.nextDouble())));
    }
}
