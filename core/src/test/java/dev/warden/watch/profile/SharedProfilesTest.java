package dev.warden.watch.profile;

import static dev.warden.watch.detect.Flows.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.detect.BaselineDetector;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.detect.ExfiltrationDetector;
import dev.warden.watch.detect.LateralMovementDetector;
import dev.warden.watch.detect.LocalNetworks;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedProfilesTest {
    private static final LocalNetworks LAN = LocalNetworks.of(List.of("192.168.1.0/24"));
    private static final IpAddress CAMERA = IpAddress.parse("192.168.1.20");

    private static HostProfiles profiles() {
        return new HostProfiles(ProfileRules.parse("profile.yaml", "{}".getBytes(StandardCharsets.UTF_8)), LAN);
    }

    private static HostProfiles profilesOf(Detector d) {
        if (d instanceof ExfiltrationDetector e) {
            return e.profiles();
        }
        if (d instanceof LateralMovementDetector l) {
            return l.profiles();
        }
        return ((BaselineDetector) d).profiles();
    }

    @Test
    void readersSeeingTheSameFlowsRecordEachOnce() {
        SharedProfiles shared = new SharedProfiles(profiles());
        SharedProfiles.Reader a = shared.reader();
        SharedProfiles.Reader b = shared.reader();
        FlowEvent f = tcp("192.168.1.20", "52.1.2.3", 443, 0, 1, 300, 900);
        FlowEvent g = tcp("192.168.1.20", "192.168.1.10", 554, 1, 1, 100, 5000);
        for (FlowEvent flow : List.of(f, f, g)) { // the same flow twice is two flows
            List<FlowSide> sides = a.observe(flow);
            assertThat(b.observe(flow)).isSameAs(sides);
        }
        assertThat(shared.profiles().get(CAMERA).flows()).isEqualTo(3);
        assertThat(shared.profiles().get(IpAddress.parse("192.168.1.10")).flows()).isEqualTo(1);
    }

    @Test
    void aReaderOutOfStepRecordsWhatItSees() {
        SharedProfiles shared = new SharedProfiles(profiles());
        SharedProfiles.Reader a = shared.reader();
        SharedProfiles.Reader b = shared.reader();
        a.observe(tcp("192.168.1.20", "52.1.2.3", 443, 0, 1, 300, 900));
        a.observe(tcp("192.168.1.20", "52.1.2.4", 443, 1, 1, 300, 900));
        b.observe(tcp("192.168.1.20", "52.1.2.5", 443, 2, 1, 300, 900));
        assertThat(shared.profiles().get(CAMERA).flows()).isEqualTo(3);
    }

    @Test
    void theBehaviourDetectorsOfOneRunShareProfilesAndEachRunGetsItsOwn() {
        DetectorContext context = DetectorContext.defaults();
        Set<String> names = Set.of("exfiltration", "lateral-movement", "anomaly");
        List<HostProfiles> first = Detectors.only(context, names).stream()
                .map(SharedProfilesTest::profilesOf).toList();
        assertThat(first).hasSize(3).allSatisfy(p -> assertThat(p).isSameAs(first.get(0)));
        HostProfiles second = profilesOf(Detectors.only(context, Set.of("exfiltration")).get(0));
        assertThat(second).isNotSameAs(first.get(0));
    }
}
