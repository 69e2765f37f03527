package dev.warden.lab.net;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ServiceSpec;
import java.util.Set;
import java.util.TreeSet;

/** Checks shared by protocol servers' {@link ProtocolServer#validate}: a typo in an option is an error, not a default. */
public final class ServiceOptions {
    private ServiceOptions() {
    }

    /**
     * Refuses options the protocol does not know.
     *
     * @return the "profile X port N: " prefix for the caller's own messages
     * @throws LabException naming the unknown option and the known ones
     */
    public static String requireKnown(String profileId, ServiceSpec spec, Set<String> known) {
        String at = "profile " + profileId + " port " + spec.port() + ": ";
        for (String k : spec.options().keySet()) {
            if (!known.contains(k)) {
                throw new LabException(at + "unknown " + spec.protocol() + " option '" + k + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return at;
    }
}
