package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Builds hand-written {@link HostEvidence} fixtures the way discovery reports them. */
final class Evidence {
    private final String ip;
    private final TreeSet<Integer> tcp = new TreeSet<>();
    private final TreeSet<Integer> udp = new TreeSet<>();
    private final List<Observation> observations = new ArrayList<>();

    private Evidence(String ip) {
        this.ip = ip;
    }

    static Evidence host(String ip) {
        return new Evidence(ip);
    }

    Evidence tcp(Integer... ports) {
        tcp.addAll(List.of(ports));
        return this;
    }

    Evidence udp(Integer... ports) {
        udp.addAll(List.of(ports));
        return this;
    }

    /** An observation; a non-zero port is also recorded as open. */
    Evidence saw(String key, int port, String value) {
        if (port > 0) {
            tcp.add(port);
        }
        observations.add(new Observation(key, port, value));
        return this;
    }

    /** WS-Discovery ProbeMatch scopes as the lab sends them (model and vendor percent-encoded). */
    Evidence wsd(String encodedModel, String encodedName) {
        udp.add(3702);
        return saw("wsd.scopes", 0, "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming "
                + "onvif://www.onvif.org/hardware/" + encodedModel + " onvif://www.onvif.org/name/" + encodedName);
    }

    HostEvidence build() {
        return new HostEvidence(ip, List.copyOf(tcp), List.copyOf(udp), observations, List.of());
    }
}
