package dev.warden.watch.replay;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Replays one pcap or pcapng file through a {@link WatchPipeline}: every packet is decoded and handed on; broken input
 * is counted in the returned {@link DecodeStats}, never thrown; only I/O failures of the file throw. The pipeline is
 * finished at the end of the file.
 */
public final class PcapReplay {

    private PcapReplay() {
    }

    public static DecodeStats run(Path pcap, WatchPipeline pipeline) throws IOException {
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        try (PcapReader reader = PcapReader.open(pcap, stats)) {
            while (reader.next()) {
                if (decoder.decode(reader, view)) {
                    pipeline.packet(view);
                }
            }
        }
        pipeline.finish();
        return stats;
    }
}
