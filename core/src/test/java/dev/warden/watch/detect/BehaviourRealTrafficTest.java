package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.profile.HostProfile;
import dev.warden.watch.replay.PcapReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour detectors on real benign captures under the shared traffic folder (never copied into the
 * repository): a Philips Hue bridge over 22 hours (IoT-23 honeypot 4-1) and two D-Link cameras being set up (IoT
 * Sentinel). Truth: all of it is benign, so none of exfiltration, lateral-movement or anomaly may fire — with the
 * shipped rules and with a learning period cut to 10 minutes and 20 flows, as a demo or evaluation would use.
 * Skips when the folder is absent.
 */
class BehaviourRealTrafficTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final Set<String> DETECTORS = Set.of("exfiltration", "lateral-movement", "anomaly");

    @TempDir
    Path rules;

    private static List<Path> benign() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "real traffic folder " + TRAFFIC.toAbsolutePath() + " is absent");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> hue = Files.list(TRAFFIC.resolve("iot23-hue-4-1"));
             Stream<Path> cams = Files.walk(TRAFFIC.resolve("cams-dlink"))) {
            Stream.concat(hue, cams).filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(40);
        return files;
    }

    /** Replays each capture on its own (they are separate recordings) and returns the devices that finished learning. */
    private static List<HostProfile> check(DetectorContext context) throws IOException {
        List<Alert> all = new ArrayList<>();
        List<HostProfile> learned = new ArrayList<>();
        for (Path pcap : benign()) {
            List<Alert> alerts = new ArrayList<>();
            List<Detector> detectors = Detectors.only(context, DETECTORS);
            PcapReplay.run(pcap, new WatchPipeline(detectors, FlowTable.Config.defaults(), alerts::add));
            alerts.forEach(a -> System.out.println(TRAFFIC.relativize(pcap) + ": " + a));
            all.addAll(alerts);
            for (Detector d : detectors) {
                if (d instanceof BaselineDetector b) {
                    b.profiles().all().stream().filter(h -> !h.learning()).forEach(learned::add);
                }
            }
        }
        assertThat(all).isEmpty();
        return learned;
    }

    @Test
    void shippedRulesStaySilentOnBenignCaptures() throws IOException {
        check(DetectorContext.defaults());
    }

    @Test
    void aTenMinuteLearningPeriodStaysSilentOnBenignCaptures() throws IOException {
        Files.writeString(rules.resolve("profile.yaml"), "learnSeconds: 600\nlearnFlows: 20\n");
        RuleSource source = RuleSource.overriddenBy(rules);
        List<HostProfile> learned = check(new DetectorContext(source, LocalNetworks.load(source)));
        // The Hue bridge finished learning early and kept talking for most of a day: the detectors were armed.
        HostProfile hue = learned.stream().filter(h -> h.address().toString().equals("192.168.1.132")).findFirst()
                .orElseThrow();
        assertThat(hue.lastNanos() - hue.learnedAtNanos()).isGreaterThan(20 * 3600 * RuleFields.SECOND);
        assertThat(hue.flows()).isGreaterThan(400);
    }
}
