package dev.warden.watch.detect.c2;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.detect.NamedProvider;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * IRC command and control, read from packet payloads (captures only). A local host that sends IRC client commands
 * (at least {@link IrcRules#minCommands()} distinct ones, NICK or JOIN among them) to a remote server is an IRC
 * session; on a port outside {@link IrcRules#standardPorts()} that is the {@code irc} signal (IoT bots — Tsunami,
 * Muhstik, the 42-1 trojan — use 2407, 4975 and the like; people use 6667), and on a standard port only when the
 * nick matches {@link IrcRules#botNicks()}, so ordinary chat stays quiet. The alert names the server, port, nick,
 * user and channel: it is raised at the first JOIN, or when the session's flow ends (bots refused by a full server
 * never join), or at the end of input. Messages the server sends on such a session feed {@link AttackOrders}.
 * State is one entry per host, server and port, bounded by {@link IrcRules#maxSessions()}.
 */
public final class IrcC2Detector implements Detector {
    /** The detector's name and rule file stem. */
    public static final String NAME = "c2-irc";
    private static final int MAX_TEXT = 64;
    /** Client commands; the first three carry an argument the session keeps. */
    private static final List<String> CLIENT_COMMANDS = List.of("NICK", "USER", "JOIN", "PRIVMSG", "PING", "PONG",
            "MODE", "WHO", "QUIT");
    private static final int NICK = 0;
    private static final int USER = 1;
    private static final int JOIN = 2;
    private static final List<byte[]> CLIENT_COMMAND_BYTES = bytes(CLIENT_COMMANDS);
    /** First bytes of a line worth reading: a client command's, or a server line's ':' prefix. */
    private static final boolean[] FIRST_BYTES = firstBytes();
    private static final List<byte[]> ORDER_CARRIERS = bytes(List.of("PRIVMSG", "TOPIC", "332", "NOTICE"));

    private final IrcRules rules;
    private final LocalNetworks local;
    /** Per host, server and port (folded into the key's int with the IP version). */
    private final AddressLru<Session> sessions;
    /** Server ports any session was ever opened to: lets most packets and flows skip the session lookup. */
    private final BitSet sessionPorts = new BitSet(65536);
    private final AttackOrders orders;
    private final IrcCursor cursor = new IrcCursor();
    /** {@link IrcRules#orderWords()} as characters, to skip server lines that carry none. */
    private final List<char[]> orderWords;

    public IrcC2Detector(IrcRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.local = Objects.requireNonNull(local, "local");
        this.sessions = new AddressLru<>(rules.maxSessions());
        this.orders = new AttackOrders(rules);
        this.orderWords = rules.orderWords().stream().map(String::toCharArray).toList();
    }

    /** Makes the detector from {@code c2-irc.yaml}. */
    public static final class Provider extends NamedProvider {
        public Provider() {
            super(NAME, c -> new IrcC2Detector(IrcRules.load(c.rules()), c.local()));
        }
    }

    private static List<byte[]> bytes(List<String> words) {
        return words.stream().map(c -> c.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    private static boolean[] firstBytes() {
        boolean[] first = new boolean[256];
        first[':'] = true;
        for (byte[] c : CLIENT_COMMAND_BYTES) {
            first[c[0] & 0xFF] = true;
        }
        return first;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsPackets() {
        return true;
    }

    @Override
    public void onPacket(PacketView p, Consumer<Alert> out) {
        orders.count(p, out);
        ByteBuffer buf = p.buffer();
        if (p.protocol() != PacketView.PROTO_TCP || buf == null || p.payloadLength() < 4) {
            return;
        }
        int off = p.payloadOffset();
        int len = p.payloadLength();
        if (!FIRST_BYTES[buf.get(off) & 0xFF]) {
            return;
        }
        if (!IrcLine.startsWithCommand(buf, off, len, CLIENT_COMMAND_BYTES)
                && !IrcLine.startsWithPrefix(buf, off, len)) {
            return;
        }
        boolean srcLocal = local.contains(p.srcHigh(), p.srcLow());
        boolean dstLocal = local.contains(p.dstHigh(), p.dstLow());
        if (srcLocal && !dstLocal) {
            cursor.reset(buf, off, len, rules.scanBytes());
            fromClient(p, out);
        } else if (dstLocal && !srcLocal && sessionPorts.get(p.srcPort()) && sessions.size() > 0) {
            fromServer(p, buf, off, len);
        }
    }

    private void fromClient(PacketView p, Consumer<Alert> out) {
        Session s = null;
        boolean joined = false;
        while (cursor.next()) {
            int command = cursor.command(CLIENT_COMMAND_BYTES);
            if (command < 0) {
                continue;
            }
            if (s == null) {
                int tag = tag(p.ipVersion(), p.dstPort());
                s = sessions.get(tag, p.srcHigh(), p.srcLow(), p.dstHigh(), p.dstLow());
                if (s == null) {
                    s = new Session(new Key(new IpAddress(p.ipVersion(), p.srcHigh(), p.srcLow()),
                            new IpAddress(p.ipVersion(), p.dstHigh(), p.dstLow()), p.dstPort()));
                    sessions.add(tag, p.srcHigh(), p.srcLow(), p.dstHigh(), p.dstLow(), s);
                }
                sessionPorts.set(p.dstPort());
            }
            s.commands.add(CLIENT_COMMANDS.get(command));
            if (command > JOIN) {
                continue;
            }
            String arg = IrcLine.clean(cursor.line().firstArg(), MAX_TEXT);
            switch (command) {
                case NICK -> s.nick = arg;
                case USER -> s.user = arg;
                default -> {
                    s.channel = arg;
                    joined = true;
                }
            }
        }
        if (joined) {
            raise(s, p.timestampNanos(), out);
        }
    }

    private void fromServer(PacketView p, ByteBuffer buf, int off, int len) {
        Session s = sessions.get(tag(p.ipVersion(), p.srcPort()), p.dstHigh(), p.dstLow(), p.srcHigh(), p.srcLow());
        if (s == null || !s.commands.contains("NICK") && !s.commands.contains("JOIN")) {
            return;
        }
        cursor.reset(buf, off, len, rules.scanBytes());
        while (cursor.next()) {
            if (cursor.command(ORDER_CARRIERS) >= 0 && cursor.mayContain(orderWords)) {
                orders.offer(s.key.host(), s.key.server() + ":" + s.key.port(), cursor.line().trailing(),
                        p.timestampNanos());
            }
        }
    }

    @Override
    public void onFlow(FlowEvent flow, Consumer<Alert> out) {
        if (flow.protocol() != PacketView.PROTO_TCP || !sessionPorts.get(flow.serverPort()) || sessions.size() == 0) {
            return;
        }
        Session s = sessions.get(tag(flow.ipVersion(), flow.serverPort()), flow.clientHigh(), flow.clientLow(),
                flow.serverHigh(), flow.serverLow());
        if (s != null) {
            raise(s, flow.endNanos(), out);
        }
    }

    @Override
    public void finish(long lastNanos, Consumer<Alert> out) {
        for (Session s : sessions.values()) {
            if (s.alertedAt == Long.MIN_VALUE) {
                raise(s, lastNanos, out);
            }
        }
    }

    @Override
    public long dropped() {
        return sessions.dropped() + orders.dropped();
    }

    /** Raises the irc alert for a session that qualifies and was not alerted on within the suppression time. */
    private void raise(Session s, long t, Consumer<Alert> out) {
        Key key = s.key;
        if (s.alertedAt != Long.MIN_VALUE && t - s.alertedAt < rules.suppressNanos()) {
            return;
        }
        if (s.commands.size() < rules.minCommands()
                || !s.commands.contains("NICK") && !s.commands.contains("JOIN")) {
            return;
        }
        boolean standard = rules.standardPorts().contains(key.port());
        Pattern bot = botPattern(s.nick);
        if (standard && bot == null) {
            return;
        }
        s.alertedAt = t;
        StringBuilder evidence = new StringBuilder("IRC client commands ").append(String.join(",", s.commands))
                .append(" to ").append(key.server()).append(':').append(key.port())
                .append(standard ? " (an IRC port)" : " (not an IRC port)");
        evidence.append("; nick '").append(s.nick == null ? "" : s.nick).append('\'');
        if (s.user != null) {
            evidence.append(", user '").append(s.user).append('\'');
        }
        if (s.channel != null) {
            evidence.append(", channel '").append(s.channel).append('\'');
        }
        if (bot != null) {
            evidence.append("; nick matches bot pattern ").append(bot.pattern());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("commands", (long) s.commands.size());
        counts.put("port", (long) key.port());
        out.accept(C2Alert.of(t, key.host().toString(), rules.severity(), "irc",
                List.of(key.server() + ":" + key.port()), evidence.toString(), counts));
    }

    private Pattern botPattern(String nick) {
        if (nick == null) {
            return null;
        }
        for (Pattern p : rules.botNicks()) {
            if (p.matcher(nick).find()) {
                return p;
            }
        }
        return null;
    }

    /** The session table's int key part: the IP version and the server port. */
    private static int tag(int version, int port) {
        return version | port << 16;
    }

    /** A local host, the remote server and its port, made once per session for alert text. */
    private record Key(IpAddress host, IpAddress server, int port) {
    }

    /** What one host said to one server:port. */
    private static final class Session {
        final Key key;
        final Set<String> commands = new TreeSet<>();
        String nick;
        String user;
        String channel;
        long alertedAt = Long.MIN_VALUE;

        Session(Key key) {
            this.key = key;
        }
    }
}
