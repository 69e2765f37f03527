package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.check.Check;
import dev.warden.assess.check.CheckCatalog;
import dev.warden.assess.check.CheckLoader;
import dev.warden.assess.check.Credential;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Finding;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every check with fixtures beside it ({@code <id>.fixtures/}) is run by the real engine against a vulnerable and
 * a patched device: the first must give exactly one finding of that check, the second none.
 *
 * <p>A fixture folder holds either {@code device.properties} (the device as discovery and fingerprints describe it)
 * with {@code vulnerable.http|dialog} and {@code patched.http|dialog} (what the device answers, played back by a
 * {@link FixtureServer} on 127.77.216.x at the device's ports), or, for a check decided by facts alone,
 * {@code vulnerable.properties} and {@code patched.properties} (two devices). A device file has {@code vendor},
 * {@code kind}, {@code model}, {@code firmware} and {@code services} ({@code port:name[:product[:version]]}, comma
 * separated).
 */
class CheckFixturesTest {
    private static final Path CHECKS = Path.of("..", "content", "checks");
    private static final CheckCatalog CATALOG = CheckLoader.load();
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(1);
    private static final AssessOptions OPTIONS = AssessOptions.defaults(Scope.parse("127.77.216.0/24"))
            .withAllowIntrusive(true).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(CHECKS)) {
            for (Path dir : dirs.filter(p -> p.getFileName().toString().endsWith(".fixtures")).sorted().toList()) {
                String id = dir.getFileName().toString().replaceFirst("\\.fixtures$", "");
                out.add(Arguments.of(id, "vulnerable", dir));
                out.add(Arguments.of(id, "patched", dir));
            }
        }
        return out.stream();
    }

    @Test
    void everyFixtureFolderBelongsToACheckAndHasBothVariants() throws IOException {
        List<Arguments> all = fixtures().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        for (Arguments a : all) {
            String id = (String) a.get()[0];
            Path dir = (Path) a.get()[2];
            assertThat(CATALOG.check(id)).as("check for %s", dir).isPresent();
            assertThat(dir.resolveSibling(id + ".yaml")).as("fixtures sit beside their check").exists();
            assertThat(variant(dir, "vulnerable")).as("%s: vulnerable fixture", dir).isNotNull();
            assertThat(variant(dir, "patched")).as("%s: patched fixture", dir).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void theCheckFindsTheVulnerableDeviceAndNotThePatchedOne(String id, String variant, Path dir) throws IOException {
        Check check = CATALOG.check(id).orElseThrow();
        CheckCatalog one = new CheckCatalog(List.of(check), CATALOG.credentialLists());
        String ip = "127.77.216." + NEXT_HOST.getAndIncrement();
        Path file = variant(dir, variant);
        AssessResult result;
        Device device;
        if (file.toString().endsWith(".properties")) {
            assertThat(check.factOnly()).as("a device-only fixture is for a fact-only check").isTrue();
            device = device(ip, file);
            result = new AssessEngine(one).assess(List.of(device), OPTIONS);
        } else {
            device = device(ip, dir.resolve("device.properties"));
            List<Integer> ports = device.services().stream().map(Service::port).toList();
            try (FixtureServer ignored = FixtureServer.start(ip, ports, file.getFileName().toString(),
                    Files.readAllBytes(file))) {
                result = new AssessEngine(one).assess(List.of(device), OPTIONS);
            }
        }
        List<Finding> findings = result.findings().stream().filter(f -> f.check().equals(id)).toList();
        if (variant.equals("vulnerable")) {
            assertThat(findings).as("%s on its vulnerable fixture; notes %s", id, result.notes()).hasSize(1);
            Finding f = findings.get(0);
            assertThat(f.ip()).isEqualTo(ip);
            assertThat(f.severity()).isEqualTo(check.info().severity());
            for (Credential c : one.credentialsFor(check, device)) {
                if (c.password().length() > 3 && !c.password().equals(c.user())) {
                    assertThat(f.evidence()).as("evidence never carries a tried password").doesNotContain(c.password());
                }
            }
        } else {
            assertThat(findings).as("%s on its patched fixture", id).isEmpty();
        }
    }

    /** The fixture file of a variant: vulnerable.http, .dialog or .properties; null when there is none. */
    private static Path variant(Path dir, String name) {
        for (String ext : List.of(".http", ".dialog", ".properties")) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** A device file as a Device at ip. */
    static Device device(String ip, Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        for (String key : p.stringPropertyNames()) {
            assertThat(List.of("vendor", "kind", "model", "firmware", "services")).as("%s: key %s", file, key)
                    .contains(key);
        }
        List<Service> services = new ArrayList<>();
        for (String s : p.getProperty("services", "").split(",")) {
            if (s.isBlank()) {
                continue;
            }
            String[] f = s.trim().split(":", 4);
            services.add(new Service(Integer.parseInt(f[0]), Transport.TCP, f[1], f.length > 2 ? f[2] : null,
                    f.length > 3 ? f[3] : null));
        }
        return new Device(ip, DeviceKind.fromWire(p.getProperty("kind", "unknown")), p.getProperty("vendor"),
                p.getProperty("model"), null, p.getProperty("firmware"), 0.9, services);
    }
}
