package dev.warden.cli;

import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.Profile;
import dev.warden.lab.profile.ProfileCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden lab}: runs a simulated fleet of cameras, DVRs and routers on 127.77.0.0/16. */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false, subcommands = LabTrafficCommand.class,
        description = {
            "Runs a simulated fleet of cameras, DVRs and routers, each on its own loopback address in 127.77.0.0/16,",
            "answering HTTP(S), RTSP, ONVIF, WS-Discovery, SSDP/UPnP, telnet and FTP like the real products.",
            "Without --config it runs the default lab; --count N draws N devices from the lab's fleet recipe.",
            "'warden lab traffic' writes a synthetic capture of a camera network instead (see its --help)."})
final class LabCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Lab file (YAML). Default: the built-in default lab.")
    Path config;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Draw N devices from the lab file's fleet recipe instead of its device list.")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed for --count: the same seed, the same fleet (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-m", "--manifest"}, paramLabel = "FILE", description = "Write the ground truth (JSON) here: per device its address, profile, vendor, model, hardware, firmware, ports, planted weaknesses.")
    Path manifest;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Extra profile directory (repeatable); a profile there overrides a built-in one of the same id.")
    List<Path> profileDirs = List.of();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Event-loop threads serving every device (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--check", description = "After start-up, connect to every TCP service and probe every UDP service of every device; report any that does not answer (exit 1).")
    boolean check;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "-1", description = "Stop after this many seconds; 0 stops at once (start, write the manifest, check, exit); default: run until Ctrl-C.")
    long duration;

    @Option(names = "--list-profiles", description = "List the device profiles and exit.")
    boolean listProfiles;

    @Option(names = "--json", description = "Machine output: one JSON object per device.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        home.open();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileCatalog catalog = ProfileCatalog.load(profileDirs);
        if (listProfiles) {
            Table t = new Table("PROFILE", "KIND", "VENDOR", "MODEL", "FIRMWARE VARIANTS");
            for (Profile p : catalog.profiles()) {
                t.row(p.id(), p.kind().wireName(), p.vendor(), p.model(), p.firmware().size());
            }
            t.print(out);
            return ExitCode.OK;
        }
        if (threads < 1 || threads > 64) {
            throw new BadInputException("--threads must be within 1..64");
        }
        LabConfig cfg = config == null ? LabConfig.defaultLab() : LabConfig.load(config);
        FleetBuilder builder = new FleetBuilder(catalog);
        List<SimDevice> devices = count == null ? builder.build(cfg) : builder.generate(cfg, count, seed);
        try (Lab lab = LabRunner.start(catalog, devices, threads, out, json)) {
            if (manifest != null) {
                LabRunner.writeManifest(lab, manifest, out, json);
            }
            LabRunner.describe(lab, out, json);
            if (check && !LabRunner.check(catalog, lab, json ? err : out, err)) {
                return ExitCode.FAILURE;
            }
            LabRunner.await(lab, duration, out, json);
        }
        return ExitCode.OK;
    }
}
