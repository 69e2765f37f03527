package dev.warden.cli;

import dev.warden.assess.AssessOptions;
import dev.warden.discover.DiscoveryOptions;
import dev.warden.scope.Targets;
import dev.warden.home.WardenHome;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.inventory.IpOrder;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.model.Severity;
import dev.warden.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warden demo}: Warden's main job on embedded defaults, against the built-in lab: bring the lab up, discover
 * and name every device, assess them, match Warden's advisories and notify, verify a fix, watch a capture, and tell
 * the story in a screen.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs Warden's main job on embedded defaults, against the built-in lab of simulated devices:",
            "starts the default lab (cameras, a DVR, a router with UPnP port forwards, a hardened camera, a Linux host),",
            "discovers and names every device, assesses them read-only, writes an HTML report into the home; then imports",
            "Warden's advisories, shows the devices they hit, delivers the owner's notifications to a local mailbox and",
            "prints them, updates one camera and verifies the fix by re-assessing it; finally replays a synthetic capture",
            "of a camera turned bot through the detectors (warden watch, incidents, eval)."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "-2",
            description = "Keep the lab up this many seconds afterwards; default: until Ctrl-C on a terminal, stop at once otherwise.")
    long duration;

    @Option(names = "--lab", paramLabel = "FILE",
            description = "Run the demo on this lab (YAML, as warden lab --config) instead of the built-in one; its devices share one /24.")
    Path labFile;

    @Override
    public Integer call() throws Exception {
        WardenHome h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileCatalog catalog = ProfileCatalog.load();
        List<SimDevice> devices = new FleetBuilder(catalog).build(labFile == null ? LabConfig.defaultLab() : LabConfig.load(labFile));
        List<String> ips = devices.stream().map(SimDevice::ip).sorted(IpOrder.COMPARATOR).toList();
        String prefix = ips.get(0).substring(0, ips.get(0).lastIndexOf('.') + 1);
        out.println("Warden demo — home " + h);
        out.println();
        out.println("1. The lab: simulated devices on loopback (" + prefix + "x), answering as the real products do");
        try (Lab lab = LabRunner.start(catalog, devices, 2, out, false);
             Store store = Store.open(h, null)) {
            if (!LabRunner.check(catalog, lab, out, err)) {
                return ExitCode.FAILURE;
            }
            out.println();
            out.println("2. Discover: TCP connect scan of the IoT ports, SSDP, WS-Discovery, then protocol probes");
            String range = ips.get(0) + "-" + ips.get(ips.size() - 1);
            DiscoveryOptions dopt = DiscoveryOptions.defaults();
            long t0 = System.nanoTime();
            Scans.Discovered d = Scans.discover(store, Targets.parse(range), dopt, range, new Progress(err, true, "discover"),
                    (dev, id) -> { });
            Table dt = new Table("IP", "KIND", "VENDOR", "MODEL", "FIRMWARE", "SERVICES");
            for (Device dev : d.devices()) {
                dt.row(dev.ip(), dev.kind().wireName(), dev.vendor(), dev.model(), dev.firmware(), DiscoverCommand.services(dev));
            }
            dt.print(out);
            out.printf("%d devices on %s in %.1f s%n", d.devices().size(), range, (System.nanoTime() - t0) / 1e9);
            out.println();
            out.println("3. Assess: default credentials (3 tries at most, logout after), open streams, ONVIF, telnet/FTP,");
            out.println("   UPnP forwards, firmware named in advisories — read-only");
            Scans.Assessed a = Scans.assess(store, d.devices(),
                    AssessOptions.defaults(dopt.scope()), range);
            summarize(out, a.devices(), a.findings());
            Path report = h.root().resolve("reports").resolve("demo.html");
            AssessCommand.writeReport(report, a.devices(), a.findings());
            out.println();
            out.println("report: " + report);
            out.println();
            out.println("4. Advise: Warden's CSAF advisories (Foscam 2017, F-Secure, Talos, VDOO) against the inventory");
            Path demoDir = h.root().resolve("demo");
            DemoAdvise.run(store, lab, prefix, dopt.scope(), demoDir, out);
            out.println();
            out.println("5. Watch: a synthetic capture of a camera LAN in which one camera turns bot, through the detectors");
            if (DemoWatch.run(h.root(), demoDir, out, err) != ExitCode.OK) {
                return ExitCode.FAILURE;
            }
            out.println();
            out.println("next:   ./warden inventory --home " + h.root() + "   ·   ./warden assess --all --json --home " + h.root());
            long secs = duration == -2 ? (System.console() != null ? -1 : 0) : duration;
            LabRunner.await(lab, secs, out, false);
            return ExitCode.OK;
        }
    }

    /** Findings by severity, then per device its worst findings, most severe first. */
    private static void summarize(PrintWriter out, List<Device> devices, List<Finding> findings) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<String, List<Finding>> byIp = new LinkedHashMap<>();
        for (Device dev : devices) {
            byIp.put(dev.ip(), new ArrayList<>());
        }
        for (Finding f : findings) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byIp.computeIfAbsent(f.ip(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder sev = new StringBuilder();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            sev.append(sev.isEmpty() ? "" : ", ").append(bySeverity.getOrDefault(s, 0)).append(' ').append(s.wireName());
        }
        out.printf("%d findings: %s%n", findings.size(), sev);
        Table t = new Table("IP", "DEVICE", "FINDINGS", "WORST");
        for (Device dev : devices) {
            List<Finding> fs = byIp.get(dev.ip());
            fs.sort(Comparator.comparing(Finding::severity).reversed());
            String name = dev.vendor() == null ? dev.kind().wireName() : dev.vendor() + (dev.model() == null ? "" : " " + dev.model());
            t.row(dev.ip(), name, fs.size(), fs.isEmpty() ? "nothing found" : fs.get(0).severity().wireName() + ": " + fs.get(0).title());
        }
        t.print(out);
    }
}
