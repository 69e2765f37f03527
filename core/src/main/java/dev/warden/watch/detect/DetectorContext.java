package dev.warden.watch.detect;

import dev.warden.watch.profile.SharedProfiles;
import java.util.Objects;

/**
 * What every detector is made from: where its rule file is read, which addresses are the watched network's own
 * devices (alerts are about local devices; a remote host is only ever a peer), and the device profiles the behaviour
 * detectors of one run share (each flow recorded once; {@link Detectors} gives every run fresh ones).
 */
public record DetectorContext(RuleSource rules, LocalNetworks local, SharedProfiles profiles) {
    public DetectorContext {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(profiles, "profiles");
    }

    /** A context with fresh shared profiles from {@code profile.yaml} of {@code rules}. */
    public DetectorContext(RuleSource rules, LocalNetworks local) {
        this(rules, local, new SharedProfiles(rules, local));
    }

    /** The rules shipped with Warden and the local networks of {@code content/rules/network.yaml}. */
    public static DetectorContext defaults() {
        RuleSource rules = RuleSource.classpath();
        return new DetectorContext(rules, LocalNetworks.load(rules));
    }

    /** The same rules and networks with fresh shared profiles, for the detectors of one run. */
    public DetectorContext forRun() {
        return new DetectorContext(rules, local);
    }
}
