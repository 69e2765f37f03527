package dev.warden.fuzz;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz target: any bytes as a pcap or pcapng file through the reader, the decoders, the flow table and every
 * detector. Broken input must be counted, never thrown (an {@link IOException} is not possible from a byte array).
 */
public final class PcapFuzzer {
    private static final FlowTable.Config FLOWS = new FlowTable.Config(1024, 60_000_000_000L, 300_000_000_000L);

    private PcapFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(DetectorContext.defaults()), FLOWS, a -> { });
        try (PcapReader reader = new PcapReader(new ByteArrayInputStream(data), stats)) {
            while (reader.next()) {
                if (decoder.decode(reader, view)) {
                    pipeline.packet(view);
                }
            }
        }
        pipeline.finish();
    }
}
