package dev.warden.cli;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import dev.warden.watch.replay.ZeekReplay;
import dev.warden.watch.zeek.ZeekStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replays a capture or a Zeek conn.log file through a pipeline for watch and eval; a missing file, or one of which
 * nothing at all could be read, is bad input (exit 3) rather than an empty result.
 */
final class FileReplays {
    private FileReplays() {
    }

    static DecodeStats pcap(Path file, WatchPipeline pipeline) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no capture file " + file);
        }
        DecodeStats d = PcapReplay.run(file, pipeline);
        if (d.packets() == 0 && d.malformedTotal() > 0) {
            throw new BadInputException(file + " is not a readable pcap or pcapng file: " + d.nonZero().keySet());
        }
        return d;
    }

    static ZeekStats zeek(Path file, WatchPipeline pipeline) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no Zeek log " + file);
        }
        ZeekStats z = ZeekReplay.run(file, pipeline);
        if (z.connections() == 0 && z.skippedTotal() > 0) {
            throw new BadInputException(file + " is not a readable Zeek conn.log: " + z.skipped() + ", "
                    + z.examples());
        }
        return z;
    }
}
