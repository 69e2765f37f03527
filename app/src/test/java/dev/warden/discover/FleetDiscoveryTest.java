package dev.warden.discover;

import dev.warden.scope.Targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.manifest.Manifest;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The default lab's devices moved to 127.77.211.x (so this never collides with a running {@code warden lab}): every
 * device is found with exactly the TCP ports it serves from the default set, including the slow and the flaky one,
 * and every service gets a name.
 */
class FleetDiscoveryTest {
    @Test
    void everyDeviceOfTheDefaultLabIsFoundWithItsPorts() throws Exception {
        ProfileCatalog cat = ProfileCatalog.load();
        Set<Integer> planPorts = ProbePlan.load().tcpPorts().keySet();
        byte[] yaml;
        try (InputStream in = LabConfig.class.getClassLoader().getResourceAsStream(LabConfig.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("127.77.0.", "127.77.211.")
                    .getBytes(StandardCharsets.UTF_8);
        }
        try (Lab lab = Lab.start(cat, new FleetBuilder(cat).build(LabConfig.parse("default-lab-moved.yaml", yaml)), 2)) {
            Manifest m = lab.manifest();
            Map<String, HostEvidence> seen = new ConcurrentHashMap<>();
            new DiscoveryEngine(DiscoveryOptions.defaults()).scan(Targets.parse("127.77.211.1-62"), e -> seen.put(e.ip(), e),
                    ProgressListener.NONE);

            assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(
                    m.devices().stream().map(Manifest.Entry::address).toList());
            for (Manifest.Entry d : m.devices()) {
                HostEvidence e = seen.get(d.address());
                List<Integer> expected = d.ports().stream().filter(p -> p.transport().equals("tcp"))
                        .map(Manifest.Port::port).filter(planPorts::contains).sorted().toList();
                assertThat(e.tcpPorts()).as(d.name()).containsExactlyElementsOf(expected);
                Set<Integer> udp = d.ports().stream().filter(p -> p.transport().equals("udp")).map(Manifest.Port::port)
                        .collect(Collectors.toSet());
                if (d.behaviour() == null || d.behaviour().dropRate() == 0) {
                    assertThat(Set.copyOf(e.udpPorts())).as(d.name()).isEqualTo(udp);
                }
                assertThat(ServiceNamer.services(e)).as(d.name()).hasSize(e.tcpPorts().size() + e.udpPorts().size());
                if (e.tcpPorts().contains(80) && d.behaviour() != null && d.behaviour().delayMs() > 0) {
                    assertThat(e.first(EvidenceKeys.HTTP_STATUS)).as(d.name() + " answers slowly but answers").isPresent();
                }
            }
            HostEvidence nas = seen.get("127.77.211.50");
            assertThat(nas.first(EvidenceKeys.SSH_BANNER)).contains("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
            assertThat(ServiceNamer.services(nas)).containsExactly(new Service(22, Transport.TCP, "ssh", "OpenSSH", "9.2p1"));
            HostEvidence opticam = seen.get("127.77.211.13");
            assertThat(opticam.values(EvidenceKeys.FTP_BANNER)).hasSize(2).allSatisfy(b -> assertThat(b).startsWith("220"));
            assertThat(ServiceNamer.services(opticam)).contains(new Service(21, Transport.TCP, "ftp", null, null),
                    new Service(50021, Transport.TCP, "ftp", null, null));
        }
    }
}
