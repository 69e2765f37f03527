package dev.warden.lab.net;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ServiceSpec;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of a service's {@code options} shared by the protocol servers' {@link ProtocolServer#validate validate}:
 * a typo in a profile fails when the profile loads, with the profile, port and option named, not at run time.
 */
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

    /**
     * An integer option at least {@code min}, or the default when absent.
     *
     * @throws LabException when it is not such an integer
     */
    public static int intOption(String profileId, ServiceSpec spec, String key, int dflt, int min) {
        String v = spec.option(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabException("profile " + profileId + " port " + spec.port() + ": " + spec.protocol() + " option '"
                + key + "' must be an integer >= " + min + ", not '" + v + "'");
    }
}
