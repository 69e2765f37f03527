package dev.warden.cli;

import dev.warden.assess.AssessOptions;
import dev.warden.assess.OwnerCredentials;
import java.io.InputStream;
import dev.warden.discover.DiscoveryOptions;
import dev.warden.scope.Scope;
import dev.warden.scope.Targets;
import dev.warden.home.WardenHome;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.IpOrder;
import dev.warden.inventory.KnownDevice;
import dev.warden.model.Device;
import dev.warden.model.Finding;
import dev.warden.report.HtmlReport;
import dev.warden.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden assess}: prove what is weak on the devices, safely, and say what to do. */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the checks (content/checks) against devices: default and hard-coded credentials (at most 3",
            "tries per service, stopping at any lock-out sign, logging out after), unauthenticated snapshots, streams and",
            "ONVIF calls, telnet/FTP, UPnP forwards exposing a camera, and firmware named in advisories.",
            "Read-only by default; checks that read data through a flaw run only with --allow-intrusive.",
            "With TARGETS, discovers them first; with --all, assesses every device in the inventory."})
final class AssessCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    ScanOptions scan;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "Addresses, CIDRs or ranges to discover and assess.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--all", description = "Assess every device present in the inventory.")
    boolean all;

    @Option(names = "--allow-intrusive", description = "Also run intrusive-tier checks (they read data through the flaw itself; bodies are never kept).")
    boolean allowIntrusive;

    @Option(names = "--json", description = "One JSON object per finding: ip, port, check, severity, cvss, cvss_vector, cve, cwe, title, evidence, remediation.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
    Path report;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = {"Read-only accounts owners lend Warden (YAML: credentials: [{ip, user, password: env:NAME|file:PATH}])",
                "so it can read the firmware of devices that show it only after login, and verify their fixes.",
                "Used once per device service to read facts, never reported as a finding, never printed."})
    Path credentials;

    @Override
    public Integer call() throws Exception {
        WardenHome h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (all == !targets.isEmpty()) {
            throw new BadInputException("give TARGETs or --all (not both)");
        }
        Scope scope = scan.allowList();
        try (Store store = Store.open(h, scan.db)) {
            List<Device> devices;
            if (all) {
                devices = new Inventory(store).devices().stream().filter(KnownDevice::present).map(KnownDevice::device).toList();
            } else {
                Targets t = ScanOptions.targets(targets, scope);
                devices = Scans.discover(store, t, DiscoveryOptions.defaults().withScope(scope), String.join(" ", targets), new Progress(err, !json, "discover"),
                        (d, id) -> { }).devices();
            }
            AssessOptions options = AssessOptions.defaults(scope).withAllowIntrusive(allowIntrusive);
            Scans.Assessed a = Scans.assess(store, devices, options, all ? "--all" : String.join(" ", targets),
                    credentials == null ? OwnerCredentials.NONE : credentials(credentials));
            List<Finding> findings = new ArrayList<>(a.findings());
            findings.sort(Comparator.comparing(Finding::severity).reversed()
                    .thenComparing(Finding::ip, IpOrder.COMPARATOR).thenComparing(Finding::check));
            if (json) {
                for (Finding f : findings) {
                    out.println(JsonLines.write(JsonLines.finding(f)));
                }
            } else {
                Table t = new Table("SEVERITY", "IP", "PORT", "CHECK", "TITLE");
                for (Finding f : findings) {
                    t.row(f.severity().wireName(), f.ip(), f.port() == 0 ? "-" : f.port(), f.check(), f.title());
                }
                t.print(out);
                out.printf("%n%d devices assessed, %d findings (%d new, %d reopened, %d fixed since last time, %d open); scan %s%n",
                        devices.size(), findings.size(), a.counts().opened(), a.counts().reopened(), a.counts().fixed(),
                        a.counts().open(), a.scan().shortId());
                if (!allowIntrusive) {
                    out.println("intrusive checks were skipped; --allow-intrusive runs them");
                }
            }
            for (String note : a.notes()) {
                err.println("warden: note: " + note);
            }
            if (report != null) {
                writeReport(report, a.devices(), findings);
                if (!json) {
                    out.println("report: " + report.toAbsolutePath());
                }
            }
        }
        return ExitCode.OK;
    }

    /** Reads a credentials file (at most {@link OwnerCredentials#MAX_BYTES}); a bad one is bad input naming the field. */
    static OwnerCredentials credentials(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return OwnerCredentials.parse(file.toString(), in.readNBytes(OwnerCredentials.MAX_BYTES + 1), System::getenv);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read it: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static void writeReport(Path file, List<Device> devices, List<Finding> findings) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            HtmlReport.write(w, "Warden assessment", Instant.now(), devices, findings);
        }
    }
}
