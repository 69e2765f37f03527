package dev.warden.watch.replay;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.ScanDetector;
import dev.warden.watch.detect.ScanRules;
import dev.warden.watch.flow.FlowTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Replays one pcap or pcapng file: every packet is decoded, added to a {@link FlowTable}, and every finished flow is
 * given to the {@link ScanDetector}; alerts go to the caller as they are raised. Broken input is counted, never
 * thrown; only I/O failures of the file throw.
 */
public final class PcapReplay {

    /** What the replay saw, for the summary line. */
    public record Summary(DecodeStats decode, long flowPackets, long skippedPackets, long flows, long evictedFlows,
                          long droppedHosts, long alerts) {
    }

    private PcapReplay() {
    }

    public static Summary run(Path pcap, ScanRules rules, FlowTable.Config flows, Consumer<Alert> alerts)
            throws IOException {
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        ScanDetector scans = new ScanDetector(rules);
        long[] raised = new long[1];
        FlowTable table = new FlowTable(flows, flow -> scans.onFlow(flow).ifPresent(a -> {
            raised[0]++;
            alerts.accept(a);
        }));
        try (PcapReader reader = PcapReader.open(pcap, stats)) {
            while (reader.next()) {
                if (decoder.decode(reader, view)) {
                    table.packet(view);
                }
            }
        }
        table.finish();
        return new Summary(stats, table.packets(), table.skipped(), table.flows(), table.evicted(),
                scans.droppedHosts(), raised[0]);
    }
}
