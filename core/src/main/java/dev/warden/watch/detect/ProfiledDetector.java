package dev.warden.watch.detect;

import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.profile.FlowSide;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.profile.HostProfiles;
import dev.warden.watch.profile.ProfileRules;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The shape shared by the detectors that judge a device against its own learned behaviour (exfiltration, lateral
 * movement, anomaly): each keeps its own {@link HostProfiles}, records every flow there first, then looks at the
 * side of each local end whose device has finished learning. Devices still learning are never judged.
 */
abstract class ProfiledDetector implements Detector {
    private final String kind;
    private final HostProfiles profiles;

    ProfiledDetector(String kind, HostProfiles profiles) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    /** Profiles from {@code profile.yaml} of {@code context}, for a provider. */
    static HostProfiles profiles(DetectorContext context) {
        return new HostProfiles(ProfileRules.load(context.rules()), context.local());
    }

    @Override
    public final String name() {
        return kind;
    }

    @Override
    public final void onFlow(FlowEvent flow, Consumer<Alert> out) {
        for (FlowSide side : profiles.observe(flow)) {
            HostProfile host = profiles.get(side.host());
            if (host != null && !host.learning()) {
                check(side, host, out);
            }
        }
    }

    /** One side of a flow of {@code host}, a device past its learning period, already recorded in its profile. */
    abstract void check(FlowSide side, HostProfile host, Consumer<Alert> out);

    /** Entries the detector's own tables dropped because they were full. */
    abstract long droppedState();

    /** Dropped profiles plus {@link #droppedState()}. */
    @Override
    public final long dropped() {
        return profiles.evicted() + droppedState();
    }

    /** The profiles this detector learned, for inspection. */
    public final HostProfiles profiles() {
        return profiles;
    }
}
