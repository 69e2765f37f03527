package dev.warden.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.manifest.Manifest;
import dev.warden.lab.profile.ProfileCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thousand devices in one JVM on two event-loop threads: every service of every device answers.
 * How fast it comes up is measured by bench/lab-startup.sh, not asserted here.
 */
class LabScaleIT {
    @Test
    void thousandDevicesAllAnswerOnEveryPort() {
        ProfileCatalog catalog = ProfileCatalog.load();
        List<SimDevice> devices = new FleetBuilder(catalog).generate(LabConfig.defaultLab(), 1000, 42);
        int expected = devices.stream().mapToInt(d -> d.services().size()).sum();
        try (Lab lab = Lab.start(catalog, devices, 2)) {
            assertThat(lab.listeners()).isEqualTo(expected);
            LabProbe.Result r = LabProbe.check(catalog, lab.devices(), 3000, 256);
            assertThat(r.failures()).isEmpty();
            assertThat(r.tcpPorts() + r.udpPorts()).isEqualTo(expected);
            Manifest m = lab.manifest();
            assertThat(m.devices()).hasSize(1000);
            assertThat(m.devices()).allSatisfy(e -> assertThat(e.ports()).isNotEmpty());
        }
    }
}
