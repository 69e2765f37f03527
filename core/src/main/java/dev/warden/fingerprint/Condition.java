package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A compiled rule condition. {@link #test} says whether it holds for a host and, when it does, appends the
 * evidence that made it hold, in words a user can check against the device.
 */
sealed interface Condition {
    /** Longest piece of an observed value quoted in a reason. */
    int QUOTE_MAX = 80;

    boolean test(HostEvidence e, List<String> why);

    /** {@code key "value" (port N)}, the value cut to {@link #QUOTE_MAX} characters. */
    static String describe(Observation o) {
        String v = o.value().length() > QUOTE_MAX ? o.value().substring(0, QUOTE_MAX) + "..." : o.value();
        return o.key() + " \"" + v.replace("\r", "\\r").replace("\n", "\\n") + "\"" + (o.port() > 0 ? " (port " + o.port() + ")" : "");
    }

    /** An observation with this key (and port, when given) whose value contains a match of the pattern (any value when null). */
    record Match(String key, Pattern pattern, Integer port) implements Condition {
        @Override
        public boolean test(HostEvidence e, List<String> why) {
            for (Observation o : e.observations()) {
                if (o.key().equals(key) && (port == null || o.port() == port)
                        && (pattern == null || pattern.matcher(o.value()).find())) {
                    why.add(describe(o));
                    return true;
                }
            }
            return false;
        }
    }

    /** Every listed TCP port is open. */
    record PortsOpen(List<Integer> ports) implements Condition {
        @Override
        public boolean test(HostEvidence e, List<String> why) {
            if (!e.tcpPorts().containsAll(ports)) {
                return false;
            }
            why.add("tcp " + (ports.size() == 1 ? "port " : "ports ") + String.join(", ", ports.stream().map(String::valueOf).toList()) + " open");
            return true;
        }
    }

    /** Every child holds; the reasons of all of them. */
    record AllOf(List<Condition> all) implements Condition {
        @Override
        public boolean test(HostEvidence e, List<String> why) {
            List<String> mine = new ArrayList<>();
            for (Condition c : all) {
                if (!c.test(e, mine)) {
                    return false;
                }
            }
            why.addAll(mine);
            return true;
        }
    }

    /** At least one child holds; the reasons of the first that does. */
    record AnyOf(List<Condition> any) implements Condition {
        @Override
        public boolean test(HostEvidence e, List<String> why) {
            for (Condition c : any) {
                if (c.test(e, why)) {
                    return true;
                }
            }
            return false;
        }
    }
}
