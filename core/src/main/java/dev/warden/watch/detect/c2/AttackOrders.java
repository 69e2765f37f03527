package dev.warden.watch.detect.c2;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.LruMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ties a flood to the order that caused it: a channel message or topic from a C2 server naming one of
 * {@link IrcRules#orderWords()} and a target address is remembered per (bot, target); when the bot then sends
 * {@link IrcRules#burstPackets()} packets to that target within {@link IrcRules#orderWindowNanos()}, that is the
 * {@code attack-order} signal. An order with no burst expires silently: bots receive orders they do not run, and
 * an order alone is only words.
 */
final class AttackOrders {
    private static final int MAX_TEXT = 120;

    private final IrcRules rules;
    private final LruMap<Pair, Order> pending;

    AttackOrders(IrcRules rules) {
        this.rules = rules;
        this.pending = new LruMap<>(rules.maxOrders());
    }

    /** A message line {@code text} the server sent to {@code bot}; remembers it when it is an order with a target. */
    void offer(IpAddress bot, String server, String text, long tsNanos) {
        String word = null;
        IpAddress target = null;
        for (String token : text.split(" ", 32)) {
            String t = token.toLowerCase(Locale.ROOT);
            if (word == null && rules.orderWords().contains(t)) {
                word = t;
            } else if (target == null && word != null) {
                target = address(t);
            }
        }
        if (word != null && target != null && target.version() == bot.version()) {
            pending.put(new Pair(bot.high(), bot.low(), target.high(), target.low()),
                    new Order(server, IrcLine.clean(text, MAX_TEXT), target.toString(), tsNanos));
        }
    }

    /** Counts one packet toward a pending order's target; raises the alert when the burst is reached. */
    void count(PacketView p, Consumer<Alert> out) {
        if (pending.isEmpty()) {
            return;
        }
        Pair key = new Pair(p.srcHigh(), p.srcLow(), p.dstHigh(), p.dstLow());
        Order o = pending.get(key);
        if (o == null) {
            return;
        }
        long t = p.timestampNanos();
        if (t - o.at > rules.orderWindowNanos()) {
            pending.remove(key);
            return;
        }
        o.packets++;
        o.bytes += p.originalLength();
        o.last = t;
        if (o.packets >= rules.burstPackets()) {
            pending.remove(key);
            out.accept(alert(p.srcAddress(), o));
        }
    }

    long dropped() {
        return pending.dropped();
    }

    private Alert alert(String bot, Order o) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("packets", o.packets);
        counts.put("bytes", o.bytes);
        counts.put("delay_ms", (o.last - o.at) / 1_000_000);
        String evidence = String.format(Locale.ROOT,
                "order '%s' from C2 server %s, then %d packets (%d bytes) to %s within %.1f s", o.text, o.server,
                o.packets, o.bytes, o.target, (o.last - o.at) / 1e9);
        return C2Alert.of(o.last, bot, rules.severity(), "attack-order", List.of(o.target, o.server), evidence,
                counts);
    }

    /** An IPv4 or IPv6 literal, allowing a trailing {@code :port} on IPv4; null when the token is not one. */
    private static IpAddress address(String token) {
        String t = token;
        int colon = t.indexOf(':');
        if (colon > 0 && t.indexOf('.') > 0) {
            t = t.substring(0, colon);
        }
        if (t.isEmpty() || Character.digit(t.charAt(0), 16) < 0) {
            return null;
        }
        try {
            return IpAddress.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Bot and target addresses as two longs each. */
    private record Pair(long botHigh, long botLow, long targetHigh, long targetLow) {
    }

    /** One order waiting for its burst. */
    private static final class Order {
        final String server;
        final String text;
        final String target;
        final long at;
        long packets;
        long bytes;
        long last;

        Order(String server, String text, String target, long at) {
            this.server = server;
            this.text = text;
            this.target = target;
            this.at = at;
            this.last = at;
        }
    }
}
