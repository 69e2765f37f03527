package dev.warden.cli;

import dev.warden.home.WardenHome;
import dev.warden.incident.Incidents;
import dev.warden.store.Store;
import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden watch --pcap FILE}: replay a capture through flows and detectors and print the alerts. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads a pcap or pcapng capture, builds bidirectional flows and runs the detectors over them:",
            "a host sweeping telnet or Mirai exploit ports is a scan (Mirai's SYN signature named when present).",
            "Prints the alerts, then packets, malformed packets by reason, flows and evictions. Reads files only.",
            "The alerts are stored and folded into incidents per device (see warden incidents) unless --no-store."})
final class WatchCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pcap", required = true, paramLabel = "FILE", description = "The capture to read (pcap or pcapng).")
    Path pcap;

    @Option(names = "--json", description = "One JSON object per alert: ts, host, kind, severity, peers, evidence, counts.")
    boolean json;

    @Mixin
    StoreOption db;

    @Option(names = "--no-store", description = "Do not store the alerts.")
    boolean noStore;

    @Override
    public Integer call() throws IOException {
        WardenHome h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(pcap)) {
            throw new BadInputException("no capture file " + pcap);
        }
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(DetectorContext.defaults()),
                FlowTable.Config.defaults(), a -> {
                    alerts.add(a);
                    out.println(json ? JsonLines.write(alert(a)) : line(a));
                    out.flush();
                });
        DecodeStats d = PcapReplay.run(pcap, pipeline);
        WatchPipeline.Summary s = pipeline.summary();
        if (d.packets() == 0 && d.malformedTotal() > 0) {
            throw new BadInputException(pcap + " is not a readable pcap or pcapng file: " + d.nonZero().keySet());
        }
        String stored = noStore ? "" : store(h, alerts);
        if (!json) {
            out.printf("%n%d alerts; %d packets, %d malformed, by reason %s; %d flows from %d packets (%d not IP or later fragments), "
                    + "%d flows evicted, hosts dropped by detector %s%n", s.alerts(), d.packets(), d.malformedTotal(),
                    d.nonZero(), s.flows(), s.flowPackets(), s.skippedPackets(), s.evictedFlows(),
                    s.droppedByDetector());
            out.print(stored);
        }
        return ExitCode.OK;
    }

    /** Stores the run's alerts; returns the line saying so. */
    private String store(WardenHome h, List<Alert> alerts) {
        try (Store store = db.open(h)) {
            int added = new Incidents(store).record(alerts, "pcap:" + pcap.toAbsolutePath().normalize());
            return String.format("%d new alerts stored in %s (warden incidents lists them by device)%n", added, store);
        }
    }

    private static String line(Alert a) {
        return String.format("%s  %-8s %-17s %-15s %s%s; peers %s", a.ts(), a.severity().wireName(), a.kind(),
                a.host(), a.role() == Alert.Role.VICTIM ? "(victim) " : "", a.evidence(), String.join(" ", a.peers()));
    }

    /** {@code warden watch --json}: ts, host, kind, severity, peers, evidence, counts. */
    static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ts", a.ts().toString());
        m.put("host", a.host());
        m.put("kind", a.kind());
        m.put("severity", a.severity().wireName());
        m.put("peers", a.peers());
        m.put("evidence", a.evidence());
        m.put("counts", a.counts());
        m.put("role", a.role().wireName());
        return m;
    }
}
