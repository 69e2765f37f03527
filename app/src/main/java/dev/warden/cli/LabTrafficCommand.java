package dev.warden.cli;

import dev.warden.lab.traffic.Phase;
import dev.warden.lab.traffic.Scenario;
import dev.warden.lab.traffic.TrafficSynth;
import dev.warden.watch.eval.TruthWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden lab traffic}: writes a synthetic capture of a camera LAN, optionally with botnet phases, and its truth. */
@Command(name = "traffic", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a synthetic pcapng capture of a camera network (RTSP/RTP to a recorder, cloud heartbeats,",
            "NTP, DNS) in which one camera plays the botnet phases asked for, and a truth file (JSON: per host, per",
            "attack window: kind, start, end) beside it for warden eval. The file name must end in .synthetic.pcapng",
            "and its header says it is synthetic. Writes files only; sends nothing. Without --phases: c2,scan,syn-flood (the demo's)."})
final class LabTrafficCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The capture to write: NAME.synthetic.pcapng.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed: the same seed, the same bytes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--minutes", paramLabel = "M", description = "Capture length; default: long enough for the phases, at least 5.")
    Integer minutes;

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "3", description = "Cameras on the LAN; the last one is infected (default ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--phases", split = ",", paramLabel = "PHASE",
            description = "Botnet phases, comma-separated: scan, brute-force, c2, syn-flood, ack-flood, udp-flood, gre-flood, "
                    + "http-flood, dns-water-torture, exfiltration, lateral-movement; 'none' for normal traffic only.")
    List<String> phases;

    @Option(names = "--truth", paramLabel = "FILE", description = "Also copy the truth here (it is always written beside the capture).")
    Path truth;

    @Override
    public Integer call() throws IOException {
        home.open();
        PrintWriter o = spec.commandLine().getOut();
        TrafficSynth.Written w;
        try {
            Scenario s = Scenario.of(seed, minutes, cameras, phases == null ? Scenario.DEMO_PHASES : phases(phases));
            w = TrafficSynth.write(out, s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (truth != null) {
            Files.copy(w.truthFile(), truth, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        o.printf("wrote %s (%d packets, %d bytes, synthetic) and its truth %s%n", w.capture(), w.packets(),
                Files.size(w.capture()), w.truthFile());
        Table t = new Table("HOST", "KIND", "START", "END", "WHAT");
        for (TruthWindow tw : w.truth().windows()) {
            t.row(tw.host(), tw.kind(), Instant.ofEpochSecond(0, tw.startNanos()),
                    Instant.ofEpochSecond(0, tw.endNanos()), tw.note());
        }
        t.print(o);
        return ExitCode.OK;
    }

    private static List<Phase> phases(List<String> names) {
        List<Phase> out = new ArrayList<>();
        for (String n : names) {
            if (!n.equals("none")) {
                out.add(Phase.fromWire(n));
            }
        }
        return out;
    }
}
