package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.config.LabConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden demo} end to end on the default lab moved to 127.77.190.x (this test's loopback range): every section
 * runs and tells its story, and the patched camera ends verified.
 */
class DemoCommandIT {
    @TempDir
    Path tmp;

    @Test
    void theDemoDiscoversAssessesAdvisesVerifiesAndWatches() throws Exception {
        String yaml;
        try (InputStream in = LabConfig.class.getClassLoader().getResourceAsStream(LabConfig.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("127.77.0.", "127.77.190.");
        }
        Path lab = Files.writeString(tmp.resolve("lab.yaml"), yaml);
        Path home = tmp.resolve("home");

        MainTest.Run r = MainTest.runIn(home, "demo", "--lab", lab.toString(), "--duration", "0");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("1. The lab", "2. Discover", "3. Assess", "4. Advise", "5. Watch");
        // Advise: the shipped advisories hit the Foscam cameras, the owner's mail is printed, the nursery camera is verified.
        assertThat(out).contains("WARDEN-2018-FOSCAM-VDOO", "CVE-2018-6830", "site demo-lab (127.77.190.0/24)");
        assertThat(out).containsPattern("Subject: .*WARDEN-2018-FOSCAM-VDOO");
        assertThat(out).containsPattern("127\\.77\\.190\\.11 +WARDEN-2018-FOSCAM-VDOO +CVE-2018-6830 +verified");
        assertThat(out).contains("firmware 2.11.1.135");
        String password = Files.readString(home.resolve("demo").resolve(DemoAdvise.PATCHED_DEVICE + ".password")).strip();
        assertThat(out + r.err()).doesNotContain(password);
        // Watch: the capture is written into the home, its alerts, the incident and eval's score are printed.
        assertThat(home.resolve("demo").resolve("demo.synthetic.pcapng")).isRegularFile();
        assertThat(out).contains("$ warden watch --pcap", "$ warden incidents", "$ warden eval", "c2");
    }
}
