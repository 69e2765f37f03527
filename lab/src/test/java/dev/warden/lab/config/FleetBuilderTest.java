package dev.warden.lab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.LabException;
import dev.warden.lab.device.Account;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.DeviceKind;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FleetBuilderTest {
    static ProfileCatalog catalog;
    static FleetBuilder builder;

    @BeforeAll
    static void load() {
        catalog = ProfileCatalog.load();
        builder = new FleetBuilder(catalog);
    }

    private static List<SimDevice> lab(String yaml) {
        return builder.build(LabConfig.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void defaultLabHasTheRouterForwardingTwoCameras() {
        List<SimDevice> devices = builder.build(LabConfig.defaultLab());
        SimDevice router = devices.stream().filter(d -> d.profile().kind() == DeviceKind.ROUTER).findFirst().orElseThrow();
        assertThat(router.portMappings()).hasSize(2);
        Set<String> exposed = new HashSet<>();
        for (SimDevice d : devices) {
            if (d.has(FleetBuilder.EXPOSED_BY_UPNP)) {
                exposed.add(d.ip());
            }
        }
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(
                router.portMappings().stream().map(m -> m.internalClient()).toList());
    }

    @Test
    void addressOutsideLoopbackIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> lab("devices:\n  - {name: a, profile: linux-host, address: 10.0.0.5}\n"))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("10.0.0.5 is outside 127.0.0.0/8");
    }

    @Test
    void unknownProfileIsAClearError() {
        assertThatThrownBy(() -> lab("devices:\n  - {name: a, profile: acme-cam, address: 127.77.9.1}\n"))
                .isInstanceOf(LabException.class).hasMessageContaining("unknown profile 'acme-cam'");
    }

    @Test
    void portClashIsAClearError() {
        assertThatThrownBy(() -> lab("""
                devices:
                  - {name: a, profile: linux-host, address: 127.77.9.1}
                  - {name: b, profile: linux-host, address: 127.77.9.1}
                """))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("port clash: 127.77.9.1:22/tcp is used by both 'a' and 'b'");
    }

    @Test
    void unknownFirmwareAndDuplicateNamesAreErrors() {
        assertThatThrownBy(() -> lab("devices:\n  - {name: a, profile: foscam-c2, address: 127.77.9.1, firmware: '9.9'}\n"))
                .isInstanceOf(LabException.class).hasMessageContaining("has no firmware '9.9'");
        assertThatThrownBy(() -> lab("""
                devices:
                  - {name: a, profile: linux-host, address: 127.77.9.1}
                  - {name: a, profile: linux-host, address: 127.77.9.2}
                """)).isInstanceOf(LabException.class).hasMessageContaining("the name is used twice");
    }

    @Test
    void badYamlNamesTheLine() {
        assertThatThrownBy(() -> lab("devices:\n  - {name: a, profile: linux-host, adress: 127.77.9.1}\n"))
                .isInstanceOf(LabException.class).hasMessageContaining("test.yaml").hasMessageContaining("devices[0].adress: unknown field 'adress'");
    }

    @Test
    void factoryPasswordOnlyWhereTheWeaknessIsPlanted() {
        List<SimDevice> d = lab("""
                devices:
                  - {name: old, profile: foscam-c2, address: 127.77.9.1, firmware: "2.72.1.32"}
                  - {name: new, profile: foscam-c2, address: 127.77.9.2, firmware: "2.72.1.59"}
                """);
        SimDevice old = d.get(0);
        SimDevice patched = d.get(1);
        assertThat(old.accounts("web")).contains(new Account("web", "admin", ""));
        assertThat(old.accounts("ftp")).contains(new Account("ftp", "ftpuser1", ""));
        assertThat(patched.accounts("web")).singleElement().satisfies(a -> {
            assertThat(a.user()).isEqualTo("admin");
            assertThat(a.password()).hasSize(16);
        });
        assertThat(patched.accounts("ftp")).as("hidden ftpuser1 is gone on patched firmware").isEmpty();
        assertThat(patched.services()).extracting(s -> s.port()).contains(50021);
    }

    @Test
    void hiddenServiceRunsOnlyWhenItsWeaknessIsPlanted() {
        List<SimDevice> d = lab("""
                devices:
                  - {name: on, profile: opticam-i5, address: 127.77.9.1, firmware: "2.21.1.128-telnet-on"}
                  - {name: off, profile: opticam-i5, address: 127.77.9.2, firmware: "2.21.1.128"}
                """);
        assertThat(d.get(0).services()).extracting(s -> s.port()).contains(23);
        assertThat(d.get(1).services()).extracting(s -> s.port()).doesNotContain(23);
    }

    @Test
    void generatedFleetIsDeterministicUniqueAndExposesTwoCamerasPerRouter() {
        LabConfig cfg = LabConfig.defaultLab();
        List<SimDevice> a = builder.generate(cfg, 1000, 7);
        List<SimDevice> b = builder.generate(cfg, 1000, 7);
        assertThat(a).hasSize(1000);
        assertThat(a.stream().map(SimDevice::toString).toList()).isEqualTo(b.stream().map(SimDevice::toString).toList());
        assertThat(a.stream().map(SimDevice::ip).distinct()).hasSize(1000);
        assertThat(a.stream().map(SimDevice::mac).distinct()).hasSize(1000);
        assertThat(a).allSatisfy(d -> {
            assertThat(d.ip()).startsWith("127.77.");
            assertThat(d.ip()).doesNotEndWith(".0").doesNotEndWith(".255");
        });
        List<SimDevice> routers = a.stream().filter(d -> d.profile().kind() == DeviceKind.ROUTER).toList();
        assertThat(routers).hasSize(20);
        assertThat(routers).allSatisfy(r -> assertThat(r.portMappings()).hasSize(2));
        List<SimDevice> exposed = a.stream().filter(d -> d.has(FleetBuilder.EXPOSED_BY_UPNP)).toList();
        assertThat(exposed).hasSize(40);
        assertThat(exposed).as("only cameras that speak UPnP ask for forwards")
                .allSatisfy(d -> assertThat(d.services()).anyMatch(s -> s.protocol().equals("ssdp")));
        assertThat(a.stream().map(d -> d.profile().id()).distinct().count()).isEqualTo(11);
        assertThat(a.stream().filter(d -> d.behaviour().delayMs() > 0).count()).isBetween(5L, 40L);
        List<SimDevice> other = builder.generate(cfg, 1000, 8);
        assertThat(other.stream().map(SimDevice::toString).toList())
                .isNotEqualTo(a.stream().map(SimDevice::toString).toList());
    }

    @Test
    void countOutOfRangeIsAnError() {
        assertThatThrownBy(() -> builder.generate(LabConfig.defaultLab(), 0, 1))
                .isInstanceOf(LabException.class).hasMessageContaining("--count must be within");
    }
}
