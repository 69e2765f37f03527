package dev.warden.discover.probe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A vendor page worth fetching when relevant (Foscam's {@code /lg/ENU.xml}, Hikvision's login page...): only on the
 * listed ports (any HTTP port when empty) and only when every {@code when} pattern finds a value recorded for that
 * key from the port's {@code GET /} (always when empty). Loaded from {@code content/discover/probes.yaml}.
 *
 * @param path  absolute path, starting with /
 * @param ports ports to fetch it on; empty means every HTTP port
 * @param when  evidence key → pattern searched in that key's values from {@code GET /}
 */
public record VendorPath(String path, Set<Integer> ports, Map<String, Pattern> when) {
    public VendorPath {
        ports = Set.copyOf(ports);
        when = Map.copyOf(when);
    }

    /** Whether this page is worth asking a port whose front page gave {@code front}. */
    boolean relevant(int port, Recorder front) {
        if (!ports.isEmpty() && !ports.contains(port)) {
            return false;
        }
        for (Map.Entry<String, Pattern> w : when.entrySet()) {
            List<String> seen = front.observations().stream().filter(o -> o.key().equals(w.getKey()))
                    .map(o -> o.value()).toList();
            if (seen.stream().noneMatch(v -> w.getValue().matcher(v).find())) {
                return false;
            }
        }
        return true;
    }
}
