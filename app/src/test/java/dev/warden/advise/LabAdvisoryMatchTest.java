package dev.warden.advise;

import dev.warden.advise.csaf.CsafReader;
import dev.warden.advise.match.AdvisoryMatcher;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.Device;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every real and every shipped advisory: exactly which devices of the default lab inventory it matches (lab device
 * names; "-" for none). Devices are built from the lab's profiles as discovery would name them (vendor, model,
 * hardware revision, firmware), without starting the lab.
 */
class LabAdvisoryMatchTest {
    private static final List<SimDevice> LAB = new FleetBuilder(ProfileCatalog.load()).build(LabConfig.defaultLab());

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = ';', value = {
            // DS-2CD2032-I is not in any of the listed series (DS-2CD2xx2F-I needs the F): no lab device.
            "../../shared/data/advisories/csaf/cisa-icsa-17-124-01.json; -",
            "../../shared/data/advisories/csaf/cisa-icsa-23-304-03.json; -",
            "../../shared/data/advisories/csaf/cisa-icsa-24-235-03.json; -",
            "../../shared/data/advisories/csaf/oasis-bsi-2022-0001.json; -",
            "../../shared/data/advisories/csaf/oasis-cisco-sa-20180328-smi2.json; -",
            // The lab's FI9826P/FI9821P say hardware V2 on line 2.11, which the public record gives to V1: not matched.
            "../content/advisories/warden-2017-foscam-disconnect.json; foscam-hallway",
            "../content/advisories/warden-2018-foscam-fsecure.json; foscam-hallway opticam-garage",
            "../content/advisories/warden-2018-foscam-talos-c1.json; -",
            "../content/advisories/warden-2018-foscam-vdoo.json; foscam-hallway",
    })
    void matchesExactlyTheseLabDevices(String file, String expected) throws Exception {
        Path path = Path.of(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), path.toAbsolutePath() + " absent (shared data): skipped");
        Advisory a = CsafReader.read(Files.readAllBytes(path), path.getFileName().toString());
        List<Device> inventory = LAB.stream().map(LabAdvisoryMatchTest::device).toList();
        List<AdvisoryMatch> matches = new AdvisoryMatcher(List.of(a)).affected(a, inventory);
        Set<String> names = new TreeSet<>();
        for (AdvisoryMatch m : matches) {
            names.add(LAB.stream().filter(d -> d.ip().equals(m.deviceIp())).findFirst().orElseThrow().name());
        }
        Set<String> want = expected.equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(expected.split(" ")));
        assertThat(names).isEqualTo(want);
    }

    private static Device device(SimDevice d) {
        return new Device(d.ip(), d.profile().kind(), d.profile().vendor(), d.profile().model(),
                d.hardware() == null || d.hardware().isEmpty() ? null : d.hardware(),
                d.firmware() == null ? null : d.firmware().version(), 1.0, List.of());
    }
}
