package dev.warden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Finding;
import dev.warden.model.Service;
import dev.warden.model.Severity;
import dev.warden.model.Transport;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void hostileDeviceTextIsEscapedAndTheReportIsSelfContained() throws Exception {
        Device d = new Device("127.77.0.30", DeviceKind.DVR, "XiongMai", "<script>alert(1)</script>", null, null, 0.9,
                List.of(new Service(23, Transport.TCP, "telnet", null, null)));
        Finding f = new Finding("127.77.0.30", 23, "xiongmai-telnet-hardcoded-root", "Telnet accepts root/xc3511",
                Severity.CRITICAL, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, List.of("CVE-2016-1000245"),
                List.of("CWE-798"), "login root/**** → shell prompt \"# \" <img src=x onerror=alert(2)>", "Update firmware");
        StringWriter w = new StringWriter();
        HtmlReport.write(w, "Warden assessment", Instant.parse("2026-11-26T18:00:00Z"), List.of(d), List.of(f));
        String html = w.toString();
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                        "critical 1", "CVE-2016-1000245", "CVSS 9.8")
                .doesNotContain("<script>", "<img", "http://", "https://");
    }

    @Test
    void emptyAssessmentSaysSo() throws Exception {
        StringWriter w = new StringWriter();
        HtmlReport.write(w, "t", Instant.EPOCH, List.of(), List.of());
        assertThat(w.toString()).contains("No findings.");
    }
}
