package dev.warden.watch.detect.c2;

import dev.warden.model.Severity;
import dev.warden.watch.detect.RuleFields;
import dev.warden.watch.detect.RuleSource;
import dev.warden.watch.detect.RulesException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The thresholds and word lists of {@link IrcC2Detector}, read from {@code content/rules/c2-irc.yaml} (documented
 * there). Every field has a default; an unknown field, a bad regex or a value out of range is an error naming the
 * file and the field.
 *
 * @param standardPorts server ports where IRC is ordinary: a session there is only C2 when its nick looks like a bot
 * @param minCommands distinct IRC client commands a session must send (one of them NICK or JOIN) to be IRC
 * @param botNicks nick patterns of IoT bot families (architecture tags, Muhstik's {@code A5|1|...}); matched anywhere
 * @param orderWords flood commands of bot families, lower case, matched as whole words in channel messages and topics
 * @param orderWindowNanos how long after an order a burst toward its target counts
 * @param burstPackets packets from the host to the order's target within the window that make the burst
 * @param scanBytes payload bytes of one packet read for IRC lines
 * @param suppressNanos no second alert for the same host, server and port (irc) or host and target (attack-order)
 * @param maxSessions host-server-port sessions tracked at once (least recently used dropped beyond, counted)
 * @param maxOrders orders waiting for a burst at once
 * @param severity severity of every alert
 */
public record IrcRules(Set<Integer> standardPorts, int minCommands, List<Pattern> botNicks, Set<String> orderWords,
                       long orderWindowNanos, int burstPackets, int scanBytes, long suppressNanos, int maxSessions,
                       int maxOrders, Severity severity) {
    /** The rule file's name in a {@link RuleSource}. */
    public static final String FILE = "c2-irc.yaml";

    public IrcRules {
        standardPorts = Set.copyOf(standardPorts);
        botNicks = List.copyOf(botNicks);
        orderWords = Set.copyOf(orderWords);
    }

    /** The file as written: every field optional. */
    private record Spec(List<Integer> standardPorts, Integer minCommands, List<String> botNicks, List<String> orderWords,
                        Integer orderWindowSeconds, Integer burstPackets, Integer scanBytes, Integer suppressSeconds,
                        Integer maxSessions, Integer maxOrders, String severity) {
    }

    /** The rules shipped with Warden. */
    public static IrcRules load() {
        return load(RuleSource.classpath());
    }

    /** {@code c2-irc.yaml} from {@code rules}. */
    public static IrcRules load(RuleSource rules) {
        return parse(rules.describe(FILE), rules.read(FILE));
    }

    /** Parses and validates a rule file; {@code source} names it in errors. */
    public static IrcRules parse(String source, byte[] yaml) {
        Spec s = RuleFields.parse(source, yaml, Spec.class);
        if (s == null) {
            s = new Spec(null, null, null, null, null, null, null, null, null, null, null);
        }
        return new IrcRules(
                RuleFields.ports(source, "standardPorts", s.standardPorts(),
                        List.of(6660, 6661, 6662, 6663, 6664, 6665, 6666, 6667, 6668, 6669, 6697, 7000)),
                RuleFields.atLeast(source, "minCommands", s.minCommands(), 2, 1),
                patterns(source, s.botNicks()),
                words(source, s.orderWords()),
                RuleFields.atLeast(source, "orderWindowSeconds", s.orderWindowSeconds(), 60, 1) * RuleFields.SECOND,
                RuleFields.atLeast(source, "burstPackets", s.burstPackets(), 200, 1),
                RuleFields.atLeast(source, "scanBytes", s.scanBytes(), 2048, IrcLine.MAX_LINE),
                RuleFields.atLeast(source, "suppressSeconds", s.suppressSeconds(), 86_400, 0) * RuleFields.SECOND,
                RuleFields.atLeast(source, "maxSessions", s.maxSessions(), 10_000, 1),
                RuleFields.atLeast(source, "maxOrders", s.maxOrders(), 1_000, 1),
                RuleFields.severity(source, "severity", s.severity(), Severity.HIGH));
    }

    private static List<Pattern> patterns(String source, List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes == null ? List.<String>of() : regexes) {
            try {
                out.add(Pattern.compile(r == null ? "" : r));
            } catch (PatternSyntaxException e) {
                throw new RulesException(source + " at botNicks: '" + r + "' is not a regular expression ("
                        + e.getDescription() + ")");
            }
            if (r == null || r.isBlank()) {
                throw new RulesException(source + " at botNicks: an empty pattern would match every nick");
            }
        }
        return out;
    }

    private static Set<String> words(String source, List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words == null ? List.of("!udp", "!syn", "!ack", "!http", ".ddos", "!ddos") : words) {
            if (w == null || w.isBlank() || w.contains(" ")) {
                throw new RulesException(source + " at orderWords: '" + w + "' must be one word");
            }
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
