package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Explore. */
class C2RealTrafficTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");

    private static List<Alert> replay(Path... files) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (Path f : files) {
            WatchPipeline pipeline = new WatchPipeline(Detectors.only(DetectorContext.defaults(),
                    Set.of(IrcC2Detector.NAME, BeaconDetector.NAME, FailoverDetector.NAME)),
                    FlowTable.Config.defaults(), alerts::add);
            PcapReplay.run(f, pipeline);
        }
        return alerts;
    }

    @Test
    void explore() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC));
        for (String d : List.of("iot23-3-1-c2", "iot23-42-1-c2", "parser-fixtures", "iot23-hue-4-1", "cams-dlink")) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(TRAFFIC.resolve(d))) {
                files = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
            }
            List<Alert> alerts = replay(files.toArray(Path[]::new));
            System.out.println("== " + d + " " + files.size() + " files, " + alerts.size() + " alerts");
            alerts.forEach(a -> System.out.println(a.ts() + " " + a.host() + " " + a.peers() + " " + a.evidence() + " " + a.counts()));
        }
    }
}
