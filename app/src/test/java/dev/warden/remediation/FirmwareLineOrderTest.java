package dev.warden.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirmwareLineOrderTest {
    private final FirmwareLineOrder order = FirmwareLineOrder.shipped();

    @Test
    void comparesFirmwareTheWayAdvisoryMatchingDoes() {
        assertThat(order.reached("Hikvision", "V5.4.5 build 170124", "V5.4.5 build 170124")).isTrue();
        assertThat(order.reached("Hikvision", "V5.4.1 build 160525", "V5.4.5")).isFalse();
        assertThat(order.reached("Dahua", "2.622.0000000.8.R", "2.420.0000.0.R")).isTrue();
        assertThat(order.reached(null, "21.37.2.49", "21.37.2.49")).isTrue();
        assertThat(order.reached("Foscam", "2.11.1.135", "2.11.1.120")).isTrue();
        assertThat(order.reached("Foscam", "2.11.1.99", "2.11.1.120")).isFalse();
    }

    @Test
    void aFoscamDeviceOnAnotherFirmwareLineHasNotReachedTheFix() {
        // C1 V1 runs line 2.52, V3 runs 2.82: a higher number on another line is not the fix for this hardware.
        assertThat(order.reached("Foscam", "2.82.2.33", "2.52.2.47")).isFalse();
        assertThat(order.reached("Shenzhen Foscam Intelligent Technology Co., Ltd.", "2.52.2.47", "2.52.2.47")).isTrue();
        // A vendor without lines compares plainly.
        assertThat(order.reached("Hikvision", "6.0.0", "5.4.5")).isTrue();
    }

    @Test
    void unreadableOrMaskedVersionsNeverCountAsFixed() {
        assertThat(order.reached("Foscam", "2.x.2.43", "2.x.2.40")).isFalse();
        assertThat(order.reached("Foscam", "   ", "2.11.1.120")).isFalse();
        assertThat(order.reached("Foscam", "2.11.1.135", null)).isFalse();
    }
}
