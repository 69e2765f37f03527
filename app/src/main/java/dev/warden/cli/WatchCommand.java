package dev.warden.cli;

import dev.warden.home.WardenHome;
import dev.warden.incident.Incidents;
import dev.warden.store.Store;
import dev.warden.watch.collect.NetflowCollector;
import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.live.CaptureException;
import dev.warden.watch.live.LiveCapture;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.zeek.ZeekStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warden watch}: one input (a capture file, an interface, a Zeek conn.log or a NetFlow/IPFIX collector port)
 * through flows and detectors; prints the alerts, then a summary of what the input held and what was skipped.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watches traffic for hijacked devices: reads a pcap/pcapng capture, captures live from an",
            "interface, reads a Zeek conn.log (TSV, JSON, IoT-23, headerless) or collects NetFlow v5/v9/IPFIX, builds",
            "flows and runs the detectors over them: a host sweeping telnet or Mirai exploit ports is a scan.",
            "Prints the alerts, then a summary of the input (packets or lines, what was skipped and why, drops)."})
final class WatchCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** Exactly one input. */
    static final class Input {
        @Option(names = "--pcap", paramLabel = "FILE", description = "A capture file (pcap or pcapng).")
        Path pcap;

        @Option(names = "--iface", paramLabel = "IF", description = "Capture live from this interface (libpcap; "
                + "needs root or cap_net_raw).")
        String iface;

        @Option(names = "--zeek", paramLabel = "FILE", description = "A Zeek conn.log (TSV, JSON lines, IoT-23, "
                + "plain header or none).")
        Path zeek;

        @Option(names = "--netflow", paramLabel = "[HOST:]PORT", description = "Collect NetFlow v5/v9/IPFIX on this "
                + "UDP port (host 127.0.0.1 unless given).")
        String netflow;
    }

    @Option(names = "--filter", paramLabel = "BPF", description = "With --iface: a BPF capture filter, e.g. 'tcp or udp'.")
    String filter;

    @Mixin
    DetectorOptions detectors;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "With --iface or --netflow: stop after this "
            + "long (default: until Ctrl-C).")
    long durationSeconds;

    @Option(names = "--max-packets", paramLabel = "N", description = "With --iface: stop after N frames; with "
            + "--netflow: after N datagrams.")
    long maxPackets;

    @Option(names = "--json", description = "One JSON object per alert: ts, host, kind, severity, peers, evidence, counts, "
            + "role.")
    boolean json;

    @Mixin
    StoreOption db;

    @Option(names = "--no-store", description = "Do not store the alerts (by default they are stored and folded into "
            + "incidents per device; see warden incidents).")
    boolean noStore;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WardenHome h = home.open();
        out = spec.commandLine().getOut();
        if (filter != null && input.iface == null) {
            throw new BadInputException("--filter applies to --iface only");
        }
        if (durationSeconds < 0 || maxPackets < 0) {
            throw new BadInputException("--duration and --max-packets must not be negative");
        }
        try (AlertStore stored = noStore ? null : new AlertStore(db.open(h), source())) {
            WatchPipeline pipeline = new WatchPipeline(detectors.create(), FlowTable.Config.defaults(), a -> {
                out.println(json ? JsonLines.write(alert(a)) : line(a));
                out.flush();
                if (stored != null) {
                    stored.add(a);
                }
            });
            if (input.pcap != null) {
                pcap(pipeline);
            } else if (input.zeek != null) {
                zeek(pipeline);
            } else if (input.netflow != null) {
                netflow(pipeline);
            } else {
                live(pipeline);
            }
            if (stored != null) {
                stored.flush();
                if (!json) {
                    out.printf("%d new alerts stored in %s (warden incidents lists them by device)%n", stored.added,
                            stored.store);
                }
            }
        }
        return ExitCode.OK;
    }

    /** The name the stored alerts carry: the input and what it read. */
    private String source() {
        return input.pcap != null ? "pcap:" + input.pcap.toAbsolutePath().normalize()
                : input.zeek != null ? "zeek:" + input.zeek.toAbsolutePath().normalize()
                : input.netflow != null ? "netflow:" + input.netflow : "iface:" + input.iface;
    }

    /**
     * The run's alerts going into the store as they come, in batches, so a live capture or a collector that runs for
     * days holds at most one batch in memory; the store is opened before the input, so a bad {@code --db} fails first.
     */
    private static final class AlertStore implements AutoCloseable {
        private static final int BATCH = 256;
        final Store store;
        private final Incidents incidents;
        private final String source;
        private final List<Alert> batch = new ArrayList<>();
        int added;

        AlertStore(Store store, String source) {
            this.store = store;
            this.incidents = new Incidents(store);
            this.source = source;
        }

        void add(Alert a) {
            batch.add(a);
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            added += incidents.record(batch, source);
            batch.clear();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private void pcap(WatchPipeline pipeline) throws IOException {
        DecodeStats d = FileReplays.pcap(input.pcap, pipeline);
        summary("%d packets, %d malformed, by reason %s", d.packets(), d.malformedTotal(), d.nonZero());
        flows(pipeline);
    }

    private void zeek(WatchPipeline pipeline) throws IOException {
        ZeekStats z = FileReplays.zeek(input.zeek, pipeline);
        summary("%d connections from %d lines, %d skipped, by reason %s%s", z.connections(), z.lines(),
                z.skippedTotal(), z.skipped(), z.examples().isEmpty() ? "" : " (first: " + z.examples() + ")");
        flows(pipeline);
    }

    private void netflow(WatchPipeline pipeline) throws InterruptedException {
        InetSocketAddress address;
        try {
            address = NetflowCollector.parseAddress(input.netflow);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--netflow: " + e.getMessage());
        }
        NetflowCollector.Config config = new NetflowCollector.Config(16_384, maxPackets, durationSeconds * 1000);
        try (NetflowCollector collector = NetflowCollector.bind(address, config); StopSignal stop = new StopSignal()) {
            if (!json) {
                out.println("collecting NetFlow/IPFIX on " + collector.address() + " (Ctrl-C to stop)");
                out.flush();
            }
            NetflowCollector.Summary s = collector.run(pipeline, stop);
            Map<String, Long> d = s.decoder().snapshot();
            summary("%d datagrams (%d dropped, queue full), %d records, %d flows, %d records without addresses, "
                    + "%d template misses, %d sequence gaps (%d datagrams or records lost), malformed %d; counters %s",
                    s.datagrams(), s.queueDrops(), d.getOrDefault("netflow.records", 0L), s.flows(),
                    s.recordsWithoutAddress(), d.getOrDefault("decode.netflow.no-template", 0L),
                    d.getOrDefault("netflow.sequence.gap", 0L), d.getOrDefault("netflow.sequence.lost", 0L),
                    s.decoder().malformed(), d);
            flows(pipeline);
        } catch (SocketException e) {
            throw new BadInputException("cannot listen on " + address + ": " + e.getMessage());
        }
    }

    private void live(WatchPipeline pipeline) {
        try (LiveCapture capture = LiveCapture.open(input.iface, filter); StopSignal stop = new StopSignal()) {
            if (!json) {
                out.println("capturing on " + input.iface + (filter == null ? "" : " filter '" + filter + "'")
                        + " (Ctrl-C to stop)");
                out.flush();
            }
            LiveCapture.Summary s = capture.run(pipeline, stop, maxPackets, durationSeconds * 1000);
            DecodeStats d = s.decode();
            summary("%d frames captured (link type %d), %d dropped by the kernel, %d by the interface; %d malformed, "
                    + "by reason %s", s.captured(), s.linkType(), s.kernelDrops(), s.interfaceDrops(),
                    d.malformedTotal(), d.nonZero());
            flows(pipeline);
        } catch (CaptureException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The input's own line of the summary (text output only). */
    private void summary(String format, Object... args) {
        if (!json) {
            out.printf("%n" + format + "%n", args);
        }
    }

    private void flows(WatchPipeline pipeline) {
        WatchPipeline.Summary s = pipeline.summary();
        if (!json) {
            out.printf("%d alerts; %d flows from %d packets (%d not IP or later fragments), %d flows evicted, hosts "
                    + "dropped by detector %s%n", s.alerts(), s.flows(), s.flowPackets(), s.skippedPackets(),
                    s.evictedFlows(), s.droppedByDetector());
            out.flush();
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
