package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.check.CheckLoader;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hikvision that locks a client out after 3 failed logins (stricter than the real 7): a full scan with every shipped
 * check, intrusive ones included, must leave it unlocked. The control: three wrong passwords from the same client do
 * lock it, so the test can see a lockout when there is one.
 */
class LockoutLabTest {
    @Test
    void aFullScanNeverLocksADeviceThatLocksAfterThreeFailures(@TempDir Path dir) throws Exception {
        Path profiles = dir.resolve("profiles");
        Files.createDirectories(profiles);
        String hik = new String(getClass().getClassLoader().getResourceAsStream("lab/profiles/hikvision-ds-2cd2032-i.yaml")
                .readAllBytes(), StandardCharsets.UTF_8)
                .replace("id: hikvision-ds-2cd2032-i", "id: hikvision-strict")
                .replace("lockout: {attempts: 7, seconds: 1800}", "lockout: {attempts: 3, seconds: 1800}");
        Files.writeString(profiles.resolve("hikvision-strict.yaml"), hik);
        ProfileCatalog cat = ProfileCatalog.load(List.of(profiles));
        String lab = """
                devices:
                  - {name: strict, profile: hikvision-strict, address: 127.77.213.120, firmware: "V5.4.5 build 170124"}
                """;
        List<SimDevice> devs = new FleetBuilder(cat).build(LabConfig.parse("strict.yaml", lab.getBytes(StandardCharsets.UTF_8)));
        try (Lab running = Lab.start(cat, devs, 1)) {
            SimDevice strict = running.device("strict");
            InetAddress client = InetAddress.getByName("127.0.0.1");
            AssessOptions options = AssessOptions.defaults(Scope.parse("127.77.213.120")).withAllowIntrusive(true);
            AssessResult r = new AssessEngine(CheckLoader.load()).assess(LabDevices.of(running.manifest()), options);
            assertThat(r.findings()).as("patched against the 2017 bypass and the factory password; only the"
                    + " firmware-range check for the 2021 injection holds").extracting(f -> f.check())
                    .containsExactly("hikvision-cve-2021-36260");
            assertThat(strict.isLockedOut(client)).isFalse();

            Path content = dir.resolve("content/checks/http/test");
            Files.createDirectories(content);
            Files.writeString(content.resolve("three-wrong-passwords.yaml"), """
                    id: three-wrong-passwords
                    info: {title: T, severity: high, remediation: R}
                    tier: login
                    protocol: http
                    applies-to: {vendors: [Hikvision], service: {ports: [80]}}
                    credentials: [{user: admin, password: a}, {user: admin, password: b}, {user: admin, password: c}]
                    steps: [{path: /ISAPI/System/deviceInfo, auth: digest}]
                    matchers: [{type: status, status: [200]}]
                    """);
            new AssessEngine(CheckLoader.load(dir.resolve("content"))).assess(LabDevices.of(running.manifest()), options);
            assertThat(strict.isLockedOut(client)).as("control: three failures from this client lock it").isTrue();
        }
    }
}
