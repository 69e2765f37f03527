package dev.warden.advise.match;

import dev.warden.advise.csaf.CsafReader;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Remedy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made devices for the cases the lab lacks, against the real and the shipped advisories. */
class AdvisoryMatcherTest {
    private static final Path REAL = Path.of("../../shared/data/advisories/csaf");
    private static final Path SHIPPED = Path.of("../content/advisories");

    private static Advisory read(Path dir, String file) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " absent (shared data): skipped");
        return CsafReader.read(Files.readAllBytes(dir.resolve(file)), file);
    }

    private static Device dev(String ip, String vendor, String model, String hw, String fw) {
        return new Device(ip, DeviceKind.CAMERA, vendor, model, hw, fw, 1.0, List.of());
    }

    private static List<AdvisoryMatch> match(Advisory a, Device d) {
        return new AdvisoryMatcher(List.of(a)).match(d);
    }

    @Test
    void hikvisionBuildNumbersDecide() throws Exception {
        Advisory a = read(REAL, "cisa-icsa-17-124-01.json");
        List<AdvisoryMatch> hit = match(a, dev("10.0.0.1", "Hikvision", "DS-2CD2032F-I", null, "V5.4.0 build 160530"));
        assertThat(hit).extracting(AdvisoryMatch::cve).containsExactly("CVE-2017-7921", "CVE-2017-7923");
        assertThat(hit.get(0).productId()).isEqualTo("CSAFPID-0007");
        assertThat(hit.get(0).confidence()).isLessThan(1.0); // series wildcard and a lenient range
        assertThat(hit.get(0).reasons()).anyMatch(r -> r.contains("pattern DS-2CD2xx2F-I Series"));
        assertThat(match(a, dev("10.0.0.2", "Hikvision", "DS-2CD2032F-I", null, "V5.4.5 build 170124"))).isEmpty();
        assertThat(match(a, dev("10.0.0.3", "HIKVISION", "DS-2CD2432FWD", null, "5.4.0 build 160414"))).hasSize(2);
        assertThat(match(a, dev("10.0.0.4", "Dahua", "DS-2CD2032F-I", null, "V5.4.0 build 160530"))).isEmpty();
    }

    @Test
    void zavioHasNoFixPlanned() throws Exception {
        Advisory a = read(REAL, "cisa-icsa-23-304-03.json");
        List<AdvisoryMatch> hit = match(a, dev("10.0.0.5", "Zavio Inc.", "CF7500", null, "M2.1.6.05"));
        assertThat(hit).hasSize(5).allSatisfy(m -> {
            assertThat(m.remedy().category()).isEqualTo(Remedy.Category.NO_FIX_PLANNED);
            assertThat(m.confidence()).isEqualTo(1.0);
        });
        assertThat(match(a, dev("10.0.0.6", "Zavio", "CF7500", null, null)))
                .allSatisfy(m -> assertThat(m.reasons()).anyMatch(r -> r.startsWith("firmware unknown")))
                .allSatisfy(m -> assertThat(m.confidence()).isEqualTo(0.5));
        assertThat(match(a, dev("10.0.0.7", "Zavio", "CF7400", null, "M2.1.6.05"))).isEmpty();
    }

    @Test
    void mobotixFirmwareInstalledOnHardware() throws Exception {
        Advisory a = read(REAL, "cisa-icsa-24-235-03.json");
        List<AdvisoryMatch> hit = match(a, dev("10.0.0.8", "Mobotix", "D24M", null, "MX-V4.1.4.11"));
        assertThat(hit).singleElement().satisfies(m -> {
            assertThat(m.cve()).isEqualTo("CVE-2023-34873");
            assertThat(m.remedy().fixedFirmware()).isEqualTo("MX-V4.7.2.18");
        });
        assertThat(match(a, dev("10.0.0.9", "Mobotix", "D24M", null, "MX-V4.7.2.18"))).as("fixed").isEmpty();
        assertThat(match(a, dev("10.0.0.10", "Mobotix", "D24M", null, "MX-V4.0.1.15"))).as("not affected").isEmpty();
    }

    @Test
    void foscamC1HardwareRevisionsRunTheirOwnFirmwareLines() throws Exception {
        Advisory vdoo = read(SHIPPED, "warden-2018-foscam-vdoo.json");
        Advisory talos = read(SHIPPED, "warden-2018-foscam-talos-c1.json");
        Device c1v1 = dev("10.0.1.1", "Foscam", "C1", "V1", "2.52.2.43");
        Device c1v3 = dev("10.0.1.2", "Foscam", "C1", "V3", "2.82.2.33");
        AdvisoryMatcher both = new AdvisoryMatcher(List.of(vdoo, talos));
        assertThat(both.match(c1v1)).extracting(AdvisoryMatch::advisoryId).contains("WARDEN-2018-FOSCAM-VDOO",
                "WARDEN-2017-FOSCAM-TALOS-C1");
        assertThat(both.match(c1v3)).extracting(AdvisoryMatch::advisoryId).containsOnly("WARDEN-2018-FOSCAM-VDOO");
        assertThat(both.match(c1v3)).allSatisfy(m -> assertThat(m.reasons()).anyMatch(r -> r.contains("line 2.82")));
        // A V3 that reports a 2.52 build is judged by no product: wrong revision for 2.52, wrong line for V3.
        assertThat(both.match(dev("10.0.1.3", "Foscam", "C1", "V3", "2.52.2.43"))).isEmpty();
        // Talos: 2.52.2.44 is past the last tested build.
        assertThat(new AdvisoryMatcher(List.of(talos)).match(dev("10.0.1.4", "Foscam", "C1 V2", null, "2.52.2.44"))).isEmpty();
        // Revision unknown: matched, with lower confidence and the reason.
        assertThat(new AdvisoryMatcher(List.of(talos)).match(dev("10.0.1.5", "Foscam", "C1", null, "2.52.2.43")))
                .isNotEmpty().allSatisfy(m -> {
                    assertThat(m.confidence()).isEqualTo(0.6);
                    assertThat(m.reasons()).anyMatch(r -> r.startsWith("hardware revision unknown"));
                });
    }

    @Test
    void foscamTwelveModelsEachOnItsLine() throws Exception {
        Advisory a = read(SHIPPED, "warden-2017-foscam-disconnect.json");
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(a));
        String[][] twelve = {{"R2", null, "2.71.1.60"}, {"C1", "V2", "2.52.2.43"}, {"C1 Lite", "V1", "2.52.2.37"},
                {"C2", "V1", "2.72.1.59"}, {"FI9800P", "V2", "2.54.1.10"}, {"FI9826P", "V1", "2.11.1.120"},
                {"FI9828P", "V2", "2.11.1.133"}, {"FI9851P", "V1", "2.24.1.5"}, {"FI9853EP", "V1", "2.22.2.1"},
                {"FI9901EP", null, "2.74.1.59"}, {"FI9903P", null, "2.99.0.1"}, {"FI9928P", null, "2.74.1.58"}};
        for (String[] t : twelve) {
            assertThat(m.match(dev("10.0.2.1", "Foscam", t[0], t[1], t[2]))).as(t[0]).singleElement()
                    .satisfies(x -> assertThat(x.remedy().category()).isEqualTo(Remedy.Category.WORKAROUND));
        }
        assertThat(m.match(dev("10.0.2.2", "Foscam", "FI9821P", "V1", "2.11.1.120"))).as("13th model").isEmpty();
        assertThat(m.match(dev("10.0.2.3", "Foscam", "C1", "V3", "2.82.2.33"))).as("later revision").isEmpty();
        assertThat(m.match(dev("10.0.2.4", "Foscam", "FI 9826 P", "v2", "2.21.2.1"))).as("spelling").hasSize(1);
        assertThat(m.match(dev("10.0.2.5", "Foscam", "FI9826P", "V2", "2.11.1.120"))).as("V2 is on 2.21").isEmpty();
        assertThat(m.match(dev("10.0.2.6", "Foscam", "C2", null, "2.x.1.59"))).singleElement()
                .satisfies(x -> assertThat(x.confidence()).isEqualTo(0.5));
    }

    @Test
    void unreadableRangesGoToReviewAndStillMatch() throws Exception {
        Advisory a = new Advisory("T-1", "1", "t", "p", null, null, List.of(new dev.warden.model.AffectedProduct(
                "P1", "Acme", List.of("Cam-1"), null, "all versions prior to the 2019 update",
                dev.warden.model.AffectedProduct.ProductStatus.AFFECTED)),
                List.of(new dev.warden.model.Vulnerability("CVE-2019-0001", null, null, null, List.of(), null)));
        AdvisoryMatcher m = new AdvisoryMatcher(List.of(a));
        assertThat(m.reviewItems()).singleElement().satisfies(r -> {
            assertThat(r.productId()).isEqualTo("P1");
            assertThat(r.reason()).contains("not part of a version");
        });
        assertThat(m.match(dev("10.0.3.1", "ACME", "CAM1", null, "1.0"))).singleElement()
                .satisfies(x -> assertThat(x.confidence()).isEqualTo(0.5));
        assertThat(m.affected(a, List.of(dev("10.0.3.1", "ACME", "CAM1", null, "1.0"),
                dev("10.0.3.2", "Acme", "Cam-2", null, "1.0")))).extracting(AdvisoryMatch::deviceIp).containsExactly("10.0.3.1");
    }
}
