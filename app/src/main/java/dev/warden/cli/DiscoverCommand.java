package dev.warden.cli;

import dev.warden.discover.DiscoveryOptions;
import dev.warden.scope.Scope;
import dev.warden.scope.Targets;
import dev.warden.home.WardenHome;
import dev.warden.inventory.Change;
import dev.warden.model.Device;
import dev.warden.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden discover}: find and name every camera, DVR and router in the targets, and record them. */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Finds every camera, DVR, NVR and router in the targets and names vendor, model, hardware and firmware",
            "from what the devices say about themselves (banners, headers, ONVIF, UPnP, WS-Discovery), with the evidence.",
            "TCP connect scan of the IoT port set, unicast SSDP and WS-Discovery, then protocol probes; read-only.",
            "Results go to the inventory (see warden inventory)."})
final class DiscoverCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Mixin
    ScanOptions scan;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "Addresses, CIDRs (127.77.0.0/24) or ranges (127.77.0.1-60).")
    List<String> targets;

    @Option(names = "--ports", paramLabel = "LIST", split = ",", description = "TCP ports to scan instead of the IoT port set.")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--no-udp", description = "Skip the SSDP and WS-Discovery probes.")
    boolean noUdp;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "5000", description = "New TCP connects per second at most (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--json", description = "One JSON object per device: ip, kind, vendor, model, hardware, firmware, confidence, services, reasons.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        WardenHome h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scope scope = scan.allowList();
        Targets t = ScanOptions.targets(targets, scope);
        DiscoveryOptions options;
        try {
            options = DiscoveryOptions.defaults().withScope(scope).withUdp(!noUdp).withConnectsPerSecond(Math.max(1, rate));
            if (!ports.isEmpty()) {
                options = options.withTcpPorts(ports);
            }
        } catch (IllegalArgumentException e) { // a port out of range
            throw new BadInputException(e.getMessage());
        }
        try (Store store = Store.open(h, scan.db)) {
            Table table = new Table("IP", "KIND", "VENDOR", "MODEL", "FIRMWARE", "CONF", "SERVICES");
            Scans.Discovered d = Scans.discover(store, t, options, String.join(" ", targets),
                    new Progress(err, !json, "discover"), (dev, id) -> {
                        if (json) {
                            out.println(JsonLines.write(JsonLines.device(dev, id.reasons())));
                            out.flush();
                        }
                    });
            if (!json) {
                for (Device dev : d.devices()) {
                    table.row(dev.ip(), dev.kind().wireName(), dev.vendor(), dev.model(), dev.firmware(),
                            String.format("%.2f", dev.confidence()), services(dev));
                }
                table.print(out);
                out.printf("%n%d hosts scanned, %d devices found; scan %s%n", t.size(), d.devices().size(), d.scan().shortId());
                if (!d.changes().isEmpty()) {
                    out.println("changes since the last scan:");
                    for (Change c : d.changes()) {
                        out.printf("  %-15s %s%n", c.ip(), c.describe());
                    }
                }
            }
        }
        return ExitCode.OK;
    }

    static String services(Device d) {
        StringBuilder sb = new StringBuilder();
        d.services().forEach(s -> sb.append(sb.isEmpty() ? "" : " ").append(s.port()).append('/').append(s.name()));
        return sb.toString();
    }
}
