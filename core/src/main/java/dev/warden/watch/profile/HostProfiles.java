package dev.warden.watch.profile;

import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.AddressLru;
import dev.warden.watch.flow.IpAddress;
import java.util.List;
import java.util.Objects;

/**
 * The profiles of the watched network's local devices, fed with every finished flow: each local end of a flow updates
 * its own {@link HostProfile}. Remote hosts get no profile (they only appear as peers). At most
 * {@link ProfileRules#maxHosts()} profiles are kept; the least recently seen device is dropped and counted in
 * {@link #evicted()} (it starts learning again if it comes back). Not thread-safe; one instance per pipeline.
 */
public final class HostProfiles {
    private final ProfileRules rules;
    private final LocalNetworks local;
    private final AddressLru<HostProfile> hosts;
    /** The profiles the last {@link #observe} recorded into, per side; null for one dropped right after. */
    private final HostProfile[] sideHosts = new HostProfile[2];

    public HostProfiles(ProfileRules rules, LocalNetworks local) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.local = Objects.requireNonNull(local, "local");
        this.hosts = new AddressLru<>(rules.maxHosts());
    }

    /** Records {@code flow} in the profile of each of its local ends and returns those ends' sides (0, 1 or 2). */
    public List<FlowSide> observe(FlowEvent flow) {
        boolean clientLocal = local.contains(flow.clientHigh(), flow.clientLow());
        boolean serverLocal = local.contains(flow.serverHigh(), flow.serverLow());
        sideHosts[0] = null;
        sideHosts[1] = null;
        if (!clientLocal && !serverLocal) {
            return List.of();
        }
        if (clientLocal && serverLocal) {
            FlowSide client = FlowSide.ofClient(flow, true);
            FlowSide server = FlowSide.ofServer(flow, true);
            sideHosts[0] = record(client);
            sideHosts[1] = record(server);
            return List.of(client, server);
        }
        FlowSide side = clientLocal ? FlowSide.ofClient(flow, false) : FlowSide.ofServer(flow, false);
        sideHosts[0] = record(side);
        return List.of(side);
    }

    /**
     * The profile side {@code index} of the last {@link #observe} was recorded in, or null when it is no longer kept
     * (the other side's new profile dropped it): what {@link #get} would answer, without a lookup.
     */
    HostProfile recorded(int index) {
        return sideHosts[index];
    }

    private HostProfile record(FlowSide side) {
        IpAddress a = side.host();
        HostProfile host = hosts.get(a.version(), a.high(), a.low());
        if (host == null) {
            host = new HostProfile(a, rules, side.startNanos());
            if (hosts.add(a.version(), a.high(), a.low(), host) == sideHosts[0]) {
                sideHosts[0] = null;
            }
        }
        host.add(side);
        return host;
    }

    /** The device's profile, or null when it was never seen (or was dropped). */
    public HostProfile get(IpAddress host) {
        return hosts.get(host.version(), host.high(), host.low());
    }

    /** Every profile kept, least recently seen first. */
    public List<HostProfile> all() {
        return hosts.values();
    }

    public int size() {
        return hosts.size();
    }

    /** Profiles dropped because {@link ProfileRules#maxHosts()} were kept. */
    public long evicted() {
        return hosts.dropped();
    }

    public ProfileRules rules() {
        return rules;
    }
}
