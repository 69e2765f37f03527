package dev.warden.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything discovery saw on one host: open ports and observations. Fingerprints turn it into a
 * {@link dev.warden.model.Device}; nothing here is a conclusion yet.
 *
 * @param ip           the host's address
 * @param tcpPorts     open TCP ports, ascending
 * @param udpPorts     UDP ports that answered (3702, 1900), ascending
 * @param observations the facts, in the order they were seen
 * @param notes        what went wrong on the way (timeouts, TLS errors, garbage), for the user, never fatal
 */
public record HostEvidence(String ip, List<Integer> tcpPorts, List<Integer> udpPorts, List<Observation> observations,
                           List<String> notes) {
    public HostEvidence {
        Objects.requireNonNull(ip, "ip");
        tcpPorts = List.copyOf(tcpPorts);
        udpPorts = List.copyOf(udpPorts);
        observations = List.copyOf(observations);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Every value observed for a key, on any port. */
    public List<String> values(String key) {
        List<String> out = new ArrayList<>();
        for (Observation o : observations) {
            if (o.key().equals(key)) {
                out.add(o.value());
            }
        }
        return out;
    }

    /** The first value observed for a key, on any port. */
    public Optional<String> first(String key) {
        for (Observation o : observations) {
            if (o.key().equals(key)) {
                return Optional.of(o.value());
            }
        }
        return Optional.empty();
    }
}
