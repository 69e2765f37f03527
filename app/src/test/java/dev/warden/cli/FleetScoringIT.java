package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.AssessOptions;
import dev.warden.scope.Scope;
import dev.warden.discover.DiscoveryOptions;
import dev.warden.discover.ProgressListener;
import dev.warden.scope.Targets;
import dev.warden.home.WardenHome;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.FleetSpec;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.manifest.Manifest;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warden scored against the lab's ground truth on a 1,000-device fleet (issue 3's acceptance): discovery names vendor
 * and model right for at least 95% of the devices whose profile the fingerprints cover and never names a wrong vendor;
 * assessment finds at least 95% of the planted weaknesses; the hardened profiles get no finding at all.
 * The same discover and assess pipelines as the CLI; the figures are printed for the closing note.
 */
class FleetScoringIT {
    /** Which checks prove each planted weakness (lab/weaknesses.yaml ids → content/checks ids). */
    static final Map<String, Set<String>> PROOF = Map.ofEntries(
            Map.entry("default-credentials-web", Set.of("foscam-default-credentials", "hikvision-default-credentials",
                    "dahua-default-credentials", "xiongmai-default-credentials-web", "netwave-default-credentials",
                    "tplink-router-default-credentials", "axis-default-credentials")),
            Map.entry("hidden-factory-account", Set.of("foscam-hidden-factory-account")),
            Map.entry("hardcoded-ftp-account", Set.of("foscam-ftpuser1-blank")),
            Map.entry("telnet-enabled", Set.of("telnet-service-exposed")),
            Map.entry("telnet-default-credentials", Set.of("xiongmai-telnet-hardcoded-root")),
            Map.entry("debug-console-open", Set.of("xiongmai-debug-console-9527")),
            Map.entry("unauth-snapshot", Set.of("foscam-snapshot-unauthenticated", "hikvision-snapshot-unauthenticated",
                    "dahua-snapshot-unauthenticated", "netwave-snapshot-unauthenticated", "axis-snapshot-unauthenticated")),
            Map.entry("unauth-rtsp-stream", Set.of("rtsp-stream-unauthenticated")),
            Map.entry("onvif-no-auth", Set.of("onvif-device-info-unauthenticated")),
            Map.entry("onvif-streamuri-credential-leak", Set.of("onvif-streamuri-credential-leak")),
            Map.entry("hikvision-auth-bypass", Set.of("hikvision-cve-2017-7921")),
            Map.entry("unauth-status-leak", Set.of("netwave-get-status-unauthenticated")),
            Map.entry("exposed-by-upnp", Set.of("upnp-port-forward-exposes-camera")),
            Map.entry("ftp-anonymous", Set.of("ftp-anonymous-login")));
    static final Set<String> HARDENED = Set.of("axis-m3045-v", "linux-host");
    static final Set<String> NOT_FINGERPRINTED = Set.of("linux-host");

    @TempDir
    Path home;

    @Test
    void thousandDeviceFleetIsNamedAndAssessedAgainstTheManifest() throws Exception {
        ProfileCatalog catalog = ProfileCatalog.load();
        LabConfig base = LabConfig.defaultLab();
        FleetSpec f = base.fleet();
        // Its own addresses, clear of the default lab and of other tests' ranges.
        LabConfig cfg = new LabConfig(base.name(), base.devices(), new FleetSpec("127.77.100.1", f.profiles(),
                f.devicesPerRouter(), f.router(), f.slowRate(), f.slowDelayMs(), f.flakyRate(), f.flakyDropRate()));
        List<SimDevice> fleet = new FleetBuilder(catalog).generate(cfg, 1000, 42);
        String first = fleet.get(0).ip();
        String last = fleet.get(fleet.size() - 1).ip();
        try (Lab lab = Lab.start(catalog, fleet, 2);
             Store store = Store.open(WardenHome.resolve(home, null, null).create(), null)) {
            Manifest truth = lab.manifest();
            Targets targets = Targets.parse(first + "-" + last);
            DiscoveryOptions dopt = DiscoveryOptions.defaults()
                    .withScope(dev.warden.scope.Scope.parse(List.of("127.77.100.0/22")));
            List<Device> devices = Scans.discover(store, targets, dopt, "fleet", ProgressListener.NONE, (d, id) -> { })
                    .devices();
            Map<String, Device> byIp = new HashMap<>();
            devices.forEach(d -> byIp.put(d.ip(), d));

            // Identification.
            int covered = 0;
            int right = 0;
            List<String> wrongVendor = new ArrayList<>();
            Map<String, int[]> perProfile = new TreeMap<>();
            for (Manifest.Entry e : truth.devices()) {
                if (NOT_FINGERPRINTED.contains(e.profile())) {
                    Device d = byIp.get(e.address());
                    if (d != null && d.vendor() != null) {
                        wrongVendor.add(e.address() + " " + e.profile() + " named " + d.vendor());
                    }
                    continue;
                }
                covered++;
                int[] c = perProfile.computeIfAbsent(e.profile(), k -> new int[2]);
                c[0]++;
                Device d = byIp.get(e.address());
                if (d == null) {
                    continue;
                }
                if (d.vendor() != null && !same(d.vendor(), e.vendor())) {
                    wrongVendor.add(e.address() + " " + e.profile() + " named " + d.vendor());
                }
                if (same(d.vendor(), e.vendor()) && same(d.model(), e.model())) {
                    right++;
                    c[1]++;
                }
            }

            // Assessment, with the intrusive tier (the CVE-2017-7921 bypass is planted and only that tier proves it).
            Scope scope = Scope.parse(List.of("127.77.100.0/22"));
            Scans.Assessed a = Scans.assess(store, devices, AssessOptions.defaults(scope).withAllowIntrusive(true), "fleet");
            Map<String, Set<String>> checksByIp = new HashMap<>();
            for (Finding x : a.findings()) {
                checksByIp.computeIfAbsent(x.ip(), k -> new HashSet<>()).add(x.check());
            }
            int planted = 0;
            int found = 0;
            Map<String, int[]> perWeakness = new TreeMap<>();
            List<String> hardenedFindings = new ArrayList<>();
            for (Manifest.Entry e : truth.devices()) {
                Set<String> checks = checksByIp.getOrDefault(e.address(), Set.of());
                if (HARDENED.contains(e.profile()) && !checks.isEmpty()) {
                    hardenedFindings.add(e.address() + " " + e.profile() + " " + checks);
                }
                for (String w : e.weaknesses()) {
                    planted++;
                    int[] c = perWeakness.computeIfAbsent(w, k -> new int[2]);
                    c[0]++;
                    if (checks.stream().anyMatch(PROOF.get(w)::contains)) {
                        found++;
                        c[1]++;
                    }
                }
            }
            System.out.printf("fleet scoring: %d devices, %d discovered; vendor+model right %d/%d (%.1f%%); wrong vendors %d%n",
                    truth.devices().size(), devices.size(), right, covered, 100.0 * right / covered, wrongVendor.size());
            perProfile.forEach((k, v) -> System.out.printf("  %-24s %4d devices, vendor+model right %4d%n", k, v[0], v[1]));
            System.out.printf("fleet scoring: planted weaknesses found %d/%d (%.1f%%); findings on hardened devices %d%n",
                    found, planted, 100.0 * found / planted, hardenedFindings.size());
            perWeakness.forEach((k, v) -> System.out.printf("  %-32s %4d planted, %4d found%n", k, v[0], v[1]));

            assertThat(wrongVendor).as("a wrong vendor is worse than none").isEmpty();
            assertThat((double) right / covered).as("vendor and model right on covered profiles").isGreaterThanOrEqualTo(0.95);
            assertThat((double) found / planted).as("planted weaknesses found").isGreaterThanOrEqualTo(0.95);
            assertThat(hardenedFindings).as("hardened devices have no findings").isEmpty();
        }
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
