package dev.warden.assess.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void devicesVersionStringsOrderAsTheirVendorsMeanThem() {
        assertThat(Versions.compare("2.11.1.118", "2.11.1.133")).isNegative();
        assertThat(Versions.compare("V5.4.1 build 160525", "V5.4.5 build 170124")).isNegative();
        assertThat(Versions.compare("V5.4.1 build 160525", "V5.5.800")).isNegative();
        assertThat(Versions.compare("v5.5.800", "V5.5.800")).isZero();
        assertThat(Versions.compare("1.0", "1.0.0")).isZero();
        assertThat(Versions.compare("1.10", "1.9")).isPositive();
        assertThat(Versions.compare("V4.02.R11.34500140", "V4.03.R11.C6380163")).isNegative();
        assertThat(Versions.compare("2.420.0000.0.R", "2.622.0000000.8.R")).isNegative();
        assertThat(Versions.compare("2.21.1.128", "2.21.1.128-telnet")).isNegative();
        assertThat(Versions.compare("007", "7")).isZero();
    }

    @Test
    void rangesHonourTheirBounds() {
        VersionRange r = new VersionRange("V5.4.0", "V5.5.800", null, null);
        assertThat(r.contains("V5.4.0")).isTrue();
        assertThat(r.contains("V5.3.0 build 150513")).isFalse();
        assertThat(r.contains("V5.5.800")).isFalse();
        assertThat(new VersionRange(null, null, "2.11.1.132", null).contains("2.11.1.132")).isTrue();
        assertThat(new VersionRange(null, null, null, "1.0.0").contains("1.0.0")).isTrue();
        assertThat(new VersionRange(null, null, null, "1.0.0").contains("1.0.1")).isFalse();
    }
}
