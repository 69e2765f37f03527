package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.model.Severity;
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

/**
 * The flood, water torture and brute-force detectors on the shared real captures (never copied into the repository;
 * skipped when the folder is absent). Truth, from reading the captures rather than their labels: the spoofed SYN
 * flood is one-way traffic from ~37,000 forged internet addresses to 10.10.10.10, so that host is a victim; the DNS
 * amplification is responses from open resolvers to the same victim; the Hue bridge, the D-Link cameras and the
 * Muhstik IRC capture contain no flood, no random-subdomain querying and no password guessing by a local host.
 */
class FloodRealTrafficTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final Set<String> MINE = Set.of(FloodDetector.NAME, DnsWaterTortureDetector.KIND,
            BruteForceDetector.KIND);

    private static List<Alert> replay(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "real capture " + file.toAbsolutePath() + " is absent");
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.only(DetectorContext.defaults(), MINE),
                FlowTable.Config.defaults(), alerts::add);
        PcapReplay.run(file, pipeline);
        alerts.forEach(a -> System.out.printf("%s: %s %s %s %s%n", TRAFFIC.relativize(file), a.role().wireName(),
                a.kind(), a.host(), a.evidence()));
        return alerts;
    }

    @Test
    void theSpoofedSynFloodMakesItsTargetAVictimAndNobodyASource() throws IOException {
        List<Alert> alerts = replay(TRAFFIC.resolve("floods/pkt.TCP.synflood.spoofed.pcap"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo(Alert.Role.VICTIM);
            assertThat(a.kind()).isEqualTo("syn-flood");
            assertThat(a.host()).isEqualTo("10.10.10.10");
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.counts().get("sources")).isGreaterThan(500);
        });
    }

    @Test
    void benignAndVictimSideCapturesRaiseNoSourceAlert() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(TRAFFIC.resolve("floods/amp.dns.RRSIG.fragmented.pcap"));
        for (String dir : List.of("iot23-hue-4-1", "cams-dlink", "iot23-3-1-c2")) {
            Path d = TRAFFIC.resolve(dir);
            assumeTrue(Files.isDirectory(d), "real traffic folder " + d.toAbsolutePath() + " is absent");
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            assertThat(replay(file)).as("source alerts in %s", file)
                    .noneMatch(a -> a.role() == Alert.Role.SOURCE);
        }
    }
}
