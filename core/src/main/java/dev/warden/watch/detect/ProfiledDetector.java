package dev.warden.watch.detect;

import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.profile.FlowSide;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.profile.HostProfiles;
import dev.warden.watch.profile.SharedProfiles;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The shape shared by the detectors that judge a device against its own learned behaviour (exfiltration, lateral
 * movement, anomaly): every flow is recorded in the device profiles first — profiles the detectors of one run share
 * ({@link SharedProfiles}: recorded once per flow, not once per detector) — then each looks at the side of each
 * local end whose device has finished learning. Devices still learning are never judged.
 */
abstract class ProfiledDetector implements Detector {
    private final String kind;
    private final SharedProfiles.Reader profiles;

    ProfiledDetector(String kind, SharedProfiles.Reader profiles) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    /** The run's shared profiles of {@code context}, for a provider. */
    static SharedProfiles.Reader profiles(DetectorContext context) {
        return context.profiles().reader();
    }

    /** Profiles of this detector alone. */
    static SharedProfiles.Reader own(HostProfiles profiles) {
        return new SharedProfiles(profiles).reader();
    }

    @Override
    public final String name() {
        return kind;
    }

    @Override
    public final void onFlow(FlowEvent flow, Consumer<Alert> out) {
        List<FlowSide> sides = profiles.observe(flow);
        for (int i = 0; i < sides.size(); i++) {
            HostProfile host = profiles.host(i);
            if (host != null && !host.learning()) {
                check(sides.get(i), host, out);
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
        return profiles.profiles().evicted() + droppedState();
    }

    /** The profiles this detector learned (shared with the run's other behaviour detectors), for inspection. */
    public final HostProfiles profiles() {
        return profiles.profiles();
    }
}
