package dev.warden.watch.profile;

import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RuleSource;
import dev.warden.watch.flow.FlowEvent;
import java.util.List;
import java.util.Objects;

/**
 * One {@link HostProfiles} read by several detectors of one run (exfiltration, lateral movement, anomaly), so each
 * flow is recorded once rather than once per detector: the profiles are the same whichever detector recorded them,
 * because they are built from the same flows in the same order. Each detector holds a {@link Reader}; the first
 * reader to see a flow records it, the others get the sides it returned. Readers must see the same flows in the same
 * order, as the pipeline delivers them; a reader that sees a different flow than the last one recorded records it.
 * Made on first use, so a run without behaviour detectors never reads {@code profile.yaml}. Not thread-safe.
 */
public final class SharedProfiles {
    private final RuleSource rules;
    private final LocalNetworks local;
    private HostProfiles profiles;
    private long recorded;
    private FlowEvent last;
    private List<FlowSide> lastSides = List.of();
    private final HostProfile[] lastHosts = new HostProfile[2];

    /** Profiles from {@code profile.yaml} of {@code rules}, made when a reader first needs them. */
    public SharedProfiles(RuleSource rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.local = Objects.requireNonNull(local, "local");
    }

    /** Shares {@code profiles} as they are. */
    public SharedProfiles(HostProfiles profiles) {
        this.rules = null;
        this.local = null;
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    /** The profiles (made now from the rules if no reader needed them yet). */
    public HostProfiles profiles() {
        if (profiles == null) {
            profiles = new HostProfiles(ProfileRules.load(rules), local);
        }
        return profiles;
    }

    /** A new reader, one per detector. */
    public Reader reader() {
        profiles();
        return new Reader();
    }

    /** One detector's view: counts the flows it has seen to tell a new flow from one another reader recorded. */
    public final class Reader {
        private long seen;

        private Reader() {
        }

        /** {@link HostProfiles#observe} once per flow across all readers; the sides of its local ends. */
        public List<FlowSide> observe(FlowEvent flow) {
            seen++;
            if (seen > recorded || flow != last) {
                lastSides = profiles.observe(flow);
                for (int i = 0; i < lastSides.size(); i++) {
                    lastHosts[i] = profiles.recorded(i);
                }
                last = flow;
                recorded = Math.max(recorded, seen);
            }
            return lastSides;
        }

        /** The profile of side {@code index} of the flow last observed, or null when it was dropped. */
        public HostProfile host(int index) {
            return lastHosts[index];
        }

        public HostProfiles profiles() {
            return profiles;
        }
    }
}
