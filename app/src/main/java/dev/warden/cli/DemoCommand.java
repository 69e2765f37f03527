package dev.warden.cli;

import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warden demo}: Warden's main job on embedded defaults. Today: bring up the default lab and show what runs
 * where; discover → assess → advise → watch join as those capabilities land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs Warden's main job on embedded defaults, against the built-in lab of simulated devices.",
            "Starts the default lab (cameras, a DVR, a router with UPnP port forwards, a hardened camera, a Linux host),",
            "checks every device answers, and shows what runs where."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "-2",
            description = "Keep the lab up this many seconds; default: until Ctrl-C on a terminal, stop at once otherwise.")
    long duration;

    @Override
    public Integer call() throws Exception {
        var h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileCatalog catalog = ProfileCatalog.load();
        List<SimDevice> devices = new FleetBuilder(catalog).build(LabConfig.defaultLab());
        out.println("Warden demo — home " + h);
        out.println();
        out.println("1. The lab: simulated devices on loopback, as the real products answer");
        try (Lab lab = LabRunner.start(catalog, devices, 2, out, false)) {
            out.println();
            LabRunner.describe(lab, out, false);
            out.println();
            boolean ok = LabRunner.check(catalog, lab, out, err);
            out.println();
            out.println("Try them from another terminal, for example:");
            out.println("  curl -si http://" + ipOf(lab, "foscam") + ":88/lg/ENU.xml | head");
            out.println("  nmap -sV -p 23,80,554,9527,34567 " + ipOf(lab, "xiongmai"));
            out.println("  ./warden lab --count 1000 --manifest m.json --check");
            long secs = duration == -2 ? (System.console() != null ? -1 : 0) : duration;
            LabRunner.await(lab, secs, out, false);
            return ok ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private static String ipOf(Lab lab, String vendorPrefix) {
        for (SimDevice d : lab.devices()) {
            if (d.profile().id().startsWith(vendorPrefix)) {
                return d.ip();
            }
        }
        return lab.devices().get(0).ip();
    }
}
