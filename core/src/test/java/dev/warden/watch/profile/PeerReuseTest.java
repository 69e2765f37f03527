package dev.warden.watch.profile;

import static dev.warden.watch.detect.Flows.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.flow.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full peer table reuses the stats of the peer it drops: the new peer must start from nothing. */
class PeerReuseTest {
    private static final LocalNetworks LAN = LocalNetworks.of(List.of("192.168.1.0/24"));
    private static final IpAddress CAMERA = IpAddress.parse("192.168.1.20");

    @Test
    void aPeerMadeFromADroppedOneStartsFresh() {
        ProfileRules rules = ProfileRules.parse("rules/profile.yaml",
                "maxPeers: 1\nlearnFlows: 1000\n".getBytes(StandardCharsets.UTF_8));
        HostProfiles p = new HostProfiles(rules, LAN);
        for (int i = 0; i < 3; i++) {
            p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 10 * i, 1, 100, 900));
        }
        PeerStats old = p.get(CAMERA).peer(IpAddress.parse("52.1.2.3"));
        assertThat(old.flowsOpened()).isEqualTo(3);
        assertThat(old.intervals()).isEqualTo(2);

        p.observe(tcp("192.168.1.20", "198.51.100.7", 443, 90, 1, 100, 900)); // drops 52.1.2.3, keeps its stats
        p.observe(tcp("203.0.113.9", "192.168.1.20", 554, 100, 1, 40, 0)); // made from them
        HostProfile cam = p.get(CAMERA);
        assertThat(cam.peer(IpAddress.parse("52.1.2.3"))).isNull();
        PeerStats fresh = cam.peer(IpAddress.parse("203.0.113.9"));
        assertThat(fresh.address()).isEqualTo(IpAddress.parse("203.0.113.9"));
        assertThat(fresh.local()).isFalse();
        assertThat(fresh.flowsOpened()).isZero();
        assertThat(fresh.flowsAccepted()).isEqualTo(1);
        assertThat(fresh.bytesSent()).isZero();
        assertThat(fresh.bytesReceived()).isEqualTo(40);
        assertThat(fresh.intervals()).isZero();
        assertThat(fresh.meanIntervalNanos()).isZero();
        assertThat(fresh.jitter()).isZero();
        assertThat(fresh.firstNanos()).isEqualTo(fresh.lastNanos() - 1_000_000_000L);
        assertThat(fresh).isSameAs(old);
        assertThat(cam.dropped()).isEqualTo(2);
    }
}
