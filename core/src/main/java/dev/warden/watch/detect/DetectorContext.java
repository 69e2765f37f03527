package dev.warden.watch.detect;

import java.util.Objects;

/**
 * What every detector is made from: where its rule file is read, and which addresses are the watched network's own
 * devices (alerts are about local devices; a remote host is only ever a peer).
 */
public record DetectorContext(RuleSource rules, LocalNetworks local) {
    public DetectorContext {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(local, "local");
    }

    /** The rules shipped with Warden and the local networks of {@code content/rules/network.yaml}. */
    public static DetectorContext defaults() {
        RuleSource rules = RuleSource.classpath();
        return new DetectorContext(rules, LocalNetworks.load(rules));
    }
}
