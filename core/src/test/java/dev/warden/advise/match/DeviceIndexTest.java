package dev.warden.advise.match;

import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.AffectedProduct;
import dev.warden.model.AffectedProduct.ProductStatus;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Vulnerability;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new advisory through the inventory index finds exactly what judging every device one by one finds. */
class DeviceIndexTest {
    private static final List<Device> INVENTORY = List.of(
            dev("10.0.0.1", "Foscam", "C1 V3", "2.82.2.33"),
            dev("10.0.0.2", "FOSCAM", "FI 9826 P", "2.11.1.120"),
            dev("10.0.0.3", "Hikvision", "DS-2CD2032F-I", "V5.4.0 build 160530"),
            dev("10.0.0.4", "Hikvision", "DS-2CD2032F-I", "V5.4.5 build 170124"),
            dev("10.0.0.5", null, "C1", null),
            dev("10.0.0.6", "Acme", null, "1.0"),
            dev("10.0.0.7", "Acme", "C1", "1.0"));

    private static Device dev(String ip, String vendor, String model, String fw) {
        return new Device(ip, DeviceKind.CAMERA, vendor, model, null, fw, 1.0, List.of());
    }

    private static Advisory advisory(String id, String vendor, String model, String range) {
        return new Advisory(id, "1", "t", "p", null, null, List.of(new AffectedProduct("P1", vendor, List.of(model),
                null, range, ProductStatus.AFFECTED)), List.of(new Vulnerability("CVE-2099-0001", null, null, null,
                List.of(), null)));
    }

    private static List<AdvisoryMatch> oneByOne(AdvisoryMatcher m, Advisory a) {
        AdvisoryMatcher only = new AdvisoryMatcher(List.of(a));
        List<AdvisoryMatch> out = new ArrayList<>();
        INVENTORY.forEach(d -> out.addAll(only.match(d)));
        return out;
    }

    @Test
    void findsWhatJudgingEveryDeviceFinds() {
        AdvisoryMatcher m = new AdvisoryMatcher(List.of());
        DeviceIndex index = m.index(INVENTORY);
        assertThat(index.size()).isEqualTo(INVENTORY.size());
        List<Advisory> advisories = List.of(
                advisory("A-exact", "Foscam", "C1", "vers:intdot/<2.82.2.40"),
                advisory("A-series", "Hikvision", "DS-2CD2xx2F-I Series", "<= 5.4.4 Build 161125"),
                advisory("A-no-vendor", null, "C1", null),
                advisory("A-wildcard-no-vendor", null, "FI98*", null),
                advisory("A-nobody", "Dahua", "C1", null));
        for (Advisory a : advisories) {
            assertThat(m.affected(a, index)).as(a.id()).isEqualTo(oneByOne(m, a));
        }
        assertThat(m.affected(advisories.get(0), index)).extracting(AdvisoryMatch::deviceIp).containsExactly("10.0.0.1");
        assertThat(m.affected(advisories.get(2), index)).extracting(AdvisoryMatch::deviceIp)
                .containsExactly("10.0.0.1", "10.0.0.5", "10.0.0.7");
        assertThat(m.affected(advisories.get(4), index)).isEmpty();
    }

    @Test
    void refusesAnIndexNormalisedWithOtherVendorRules() throws Exception {
        VendorRules other = VendorRules.parse("other.yaml", "vendors: [{name: Acme}]".getBytes(StandardCharsets.UTF_8));
        DeviceIndex index = new AdvisoryMatcher(List.of(), other).index(INVENTORY);
        assertThatThrownBy(() -> new AdvisoryMatcher(List.of()).affected(advisory("A", "Acme", "C1", null), index))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other vendor rules");
    }
}
