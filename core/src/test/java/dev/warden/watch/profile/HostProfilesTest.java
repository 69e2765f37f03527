package dev.warden.watch.profile;

import static dev.warden.watch.detect.Flows.syn;
import static dev.warden.watch.detect.Flows.tcp;
import static dev.warden.watch.detect.Flows.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.detect.RulesException;
import dev.warden.watch.flow.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostProfilesTest {
    private static final LocalNetworks LAN = LocalNetworks.of(List.of("192.168.1.0/24"));
    private static final IpAddress CAMERA = IpAddress.parse("192.168.1.20");

    private static ProfileRules rules(String yaml) {
        return ProfileRules.parse("rules/profile.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachLocalEndGetsAProfileAndRemoteHostsNone() {
        HostProfiles p = new HostProfiles(rules("{}"), LAN);
        assertThat(p.observe(tcp("192.168.1.20", "192.168.1.10", 554, 0, 1, 100, 5000))).hasSize(2);
        assertThat(p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 1, 1, 300, 900))).hasSize(1);
        assertThat(p.observe(tcp("8.8.8.8", "52.1.2.3", 443, 2, 1, 300, 900))).isEmpty();
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.get(IpAddress.parse("52.1.2.3"))).isNull();
        HostProfile cam = p.get(CAMERA);
        assertThat(cam.flows()).isEqualTo(2);
        assertThat(cam.peer(IpAddress.parse("192.168.1.10")).bytesSent()).isEqualTo(100);
        assertThat(cam.peer(IpAddress.parse("192.168.1.10")).local()).isTrue();
        assertThat(cam.peer(IpAddress.parse("52.1.2.3")).local()).isFalse();
        assertThat(p.get(IpAddress.parse("192.168.1.10")).served(6, 554).flows()).isEqualTo(1);
    }

    @Test
    void aPortIsServedOnlyWhenTheDeviceAnswered() {
        HostProfiles p = new HostProfiles(rules("{}"), LAN);
        p.observe(syn("203.0.113.9", "192.168.1.20", 23, 0));
        p.observe(tcp("192.168.1.10", "192.168.1.20", 554, 1, 10, 100, 50_000));
        p.observe(udp("192.168.1.20", "192.168.1.1", 53, 2, 60, 120));
        HostProfile cam = p.get(CAMERA);
        assertThat(cam.served(6, 23)).isNull();
        assertThat(cam.served(6, 554)).isNotNull();
        assertThat(cam.used(17, 53).flows()).isEqualTo(1);
        // The scanner it never answered is not a peer: an exposed device's scanners would evict its usual peers.
        assertThat(cam.peer(IpAddress.parse("203.0.113.9"))).isNull();
        assertThat(cam.peer(IpAddress.parse("192.168.1.10")).flowsAccepted()).isEqualTo(1);
    }

    @Test
    void peersAndPortsMetWhileLearningAreLearnedLaterOnesAreNot() {
        HostProfiles p = new HostProfiles(rules("learnSeconds: 600\nlearnFlows: 3\n"), LAN);
        for (int i = 0; i < 4; i++) {
            p.observe(tcp("192.168.1.20", "52.1.2.3", 443, i * 300, 1, 300, 900));
        }
        HostProfile cam = p.get(CAMERA);
        assertThat(cam.learning()).isFalse();
        assertThat(cam.learnedAtNanos() - cam.firstNanos()).isEqualTo(601 * 1_000_000_000L);
        p.observe(tcp("192.168.1.20", "198.51.100.7", 8443, 2000, 1, 300, 900));
        assertThat(cam.learnedPeer(IpAddress.parse("52.1.2.3"))).isTrue();
        assertThat(cam.learnedPeer(IpAddress.parse("198.51.100.7"))).isFalse();
        assertThat(cam.used(6, 443).learned()).isTrue();
        assertThat(cam.used(6, 8443).learned()).isFalse();
        assertThat(cam.learnedPeers(false)).extracting(s -> s.address().toString()).containsExactly("52.1.2.3");
    }

    @Test
    void theLearnedVolumeBaselineIsTheLargestBucketWhileLearning() {
        HostProfiles p = new HostProfiles(rules("learnSeconds: 7200\nlearnFlows: 1\nbucketSeconds: 3600\n"), LAN);
        p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 10, 1, 1_000, 10));
        p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 3700, 1, 5_000, 10));
        p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 7300, 1, 2_000, 10));
        p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 11_000, 1, 90_000, 10));
        p.observe(tcp("192.168.1.20", "52.1.2.3", 443, 14_500, 1, 10, 10));
        VolumeBuckets v = p.get(CAMERA).volume();
        assertThat(v.learnedMaxBytesOut()).isEqualTo(5_000);
        assertThat(v.currentBytesOut()).isEqualTo(10);
        assertThat(v.toList()).hasSize(5).first().satisfies(b -> assertThat(b).containsEntry("bytes_out", 1_000L));
    }

    @Test
    void aHeartbeatIsPeriodicAndIrregularContactsAreNot() {
        HostProfiles p = new HostProfiles(rules("{}"), LAN);
        for (int i = 0; i < 10; i++) {
            p.observe(tcp("192.168.1.20", "52.1.2.3", 443, i * 60 + (i % 2) * 0.5, 1, 300, 900));
            p.observe(udp("192.168.1.20", "192.168.1.1", 53, i * i * 7 + 3, 60, 120));
        }
        List<PeerStats> periodic = p.get(CAMERA).periodicPeers();
        assertThat(periodic).extracting(s -> s.address().toString()).containsExactly("52.1.2.3");
        assertThat(periodic.get(0).meanIntervalNanos() / 1e9).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void tablesAreBoundedAndWhatTheyDropIsCounted() {
        HostProfiles p = new HostProfiles(rules("maxHosts: 3\nmaxPeers: 4\nmaxPorts: 2\n"), LAN);
        for (int h = 1; h <= 5; h++) {
            p.observe(udp("192.168.1." + h, "9.9.9.9", 53, h, 60, 120));
        }
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.evicted()).isEqualTo(2);
        assertThat(p.get(IpAddress.parse("192.168.1.1"))).isNull();
        for (int i = 0; i < 6; i++) {
            p.observe(tcp("192.168.1.5", "52.1.2." + i, 1000 + i, 10 + i, 1, 100, 100));
        }
        HostProfile h5 = p.get(IpAddress.parse("192.168.1.5"));
        assertThat(h5.peers()).hasSize(4);
        assertThat(h5.dropped()).isEqualTo(3 + 5);
        assertThat(h5.toMap()).containsEntry("dropped", 8L);
    }

    @Test
    void theProfilePrintsAsSnakeCaseMaps() {
        HostProfiles p = new HostProfiles(rules("{}"), LAN);
        p.observe(tcp("192.168.1.10", "192.168.1.20", 554, 0, 300, 2_000, 9_000_000));
        Map<String, Object> m = p.get(CAMERA).toMap();
        assertThat(m).containsKeys("host", "first_seen", "last_seen", "flows", "learning", "peers", "served_ports",
                "used_ports", "volume", "periodic", "dropped");
        assertThat(m).containsEntry("host", "192.168.1.20").containsEntry("served_ports", Map.of("554/tcp", 1L))
                .containsEntry("first_seen", "2023-11-14T22:13:20Z").containsEntry("learning", true);
    }

    @Test
    void badFieldsNameTheFileAndTheField() {
        assertThat(ProfileRules.load().learnNanos()).isEqualTo(86_400L * 1_000_000_000L);
        assertThatThrownBy(() -> rules("maxPeers: 0\n")).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("rules/profile.yaml at maxPeers:");
        assertThatThrownBy(() -> rules("periodicJitter: -1\n")).hasMessageContaining("at periodicJitter");
        assertThatThrownBy(() -> rules("learnHours: 3\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("learnHours");
    }
}
