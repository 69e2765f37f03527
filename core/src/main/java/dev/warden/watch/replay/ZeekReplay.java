package dev.warden.watch.replay;

import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.zeek.ZeekConnReader;
import dev.warden.watch.zeek.ZeekStats;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Replays a Zeek conn.log through a {@link WatchPipeline}: each connection is one finished flow; bad lines are
 * counted in the returned {@link ZeekStats}, never thrown; only I/O failures throw. The pipeline is finished at the
 * end of the file.
 */
public final class ZeekReplay {

    private ZeekReplay() {
    }

    public static ZeekStats run(Path connLog, WatchPipeline pipeline) throws IOException {
        ZeekStats stats = new ZeekStats();
        try (ZeekConnReader reader = ZeekConnReader.open(connLog, stats)) {
            while (reader.next()) {
                pipeline.flow(reader.flow());
            }
        }
        pipeline.finish();
        return stats;
    }
}
