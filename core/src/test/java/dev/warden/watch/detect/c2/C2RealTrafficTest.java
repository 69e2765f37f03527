package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The C2 detectors on real captures from the shared traffic folder (never copied into the repository; skipped when
 * absent). The truth of each capture is written beside its test, derived from the packets (tshark on the payloads),
 * not from IoT-23's labels, which call the 42-1 IRC flows benign.
 */
class C2RealTrafficTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");

    private static List<Alert> replay(String folder) throws IOException {
        Path dir = TRAFFIC.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "real traffic folder " + dir.toAbsolutePath() + " is absent");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        List<Alert> alerts = new ArrayList<>();
        for (Path f : files) {
            PcapReplay.run(f, Trace.c2Pipeline(alerts));
        }
        return alerts;
    }

    /**
     * The capture's flows only, as a Zeek log or a NetFlow exporter would give them: the packets go through a flow
     * table here and only its {@link FlowEvent}s reach the pipeline, so payload detectors see nothing.
     */
    private static List<Alert> replayFlowsOnly(String file) throws IOException {
        Path pcap = TRAFFIC.resolve(file);
        assumeTrue(Files.isRegularFile(pcap), "real capture " + pcap.toAbsolutePath() + " is absent");
        List<FlowEvent> flows = new ArrayList<>();
        Detector recorder = new Detector() {
            @Override
            public String name() {
                return "flow-recorder";
            }

            @Override
            public void onFlow(FlowEvent flow, Consumer<Alert> out) {
                flows.add(flow);
            }
        };
        PcapReplay.run(pcap, new WatchPipeline(List.of(recorder), FlowTable.Config.defaults(), a -> { }));
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = Trace.c2Pipeline(alerts);
        flows.forEach(pipeline::flow);
        pipeline.finish();
        return alerts;
    }

    private static Set<String> signals(List<Alert> alerts) {
        return alerts.stream().map(a -> a.evidence().substring(0, a.evidence().indexOf(':')))
                .collect(Collectors.toSet());
    }

    /**
     * Truth: 192.168.2.5 sends {@code NICK A5|1|5358668|black-pe}, {@code USER muhstik} and {@code JOIN #a925d765}
     * on TCP 2407 to 51.38.81.99, 54.39.23.28 and 111.230.241.23, and receives {@code !* SSH ...} orders in the
     * channel: an IRC bot (Muhstik). It also tries 185.61.149.22 (resets the connection itself after the SYN-ACK),
     * 185.47.129.56 (three SYNs, no answer) and 111.230.241.23 ("This server is full", closed after 64 s) on the same
     * port: fail-over across five servers. No other host is in the capture.
     */
    @Test
    void muhstikIn31IsFlaggedForIrcOnPort2407AndFailOverAndNothingElseIs() throws IOException {
        List<Alert> alerts = replay("iot23-3-1-c2");
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.host()).isEqualTo("192.168.2.5");
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.role()).isEqualTo(Alert.Role.SOURCE);
        });
        assertThat(signals(alerts)).containsExactlyInAnyOrder("irc", "fail-over");
        assertThat(alerts.stream().filter(a -> a.evidence().startsWith("irc")).flatMap(a -> a.peers().stream()))
                .contains("51.38.81.99:2407", "54.39.23.28:2407", "111.230.241.23:2407");
        assertThat(alerts).filteredOn(a -> a.evidence().startsWith("irc: ")).first().satisfies(a -> assertThat(
                a.evidence()).contains("nick 'A5|1|5358668|black-pe'", "user 'muhstik'", "channel '#a925d765'"));
        assertThat(alerts).filteredOn(a -> a.evidence().startsWith("fail-over")).singleElement().satisfies(a -> {
            assertThat(a.peers()).hasSizeGreaterThanOrEqualTo(3).allMatch(p -> p.endsWith(":2407"));
            assertThat(a.counts()).containsEntry("signal_fail_over", 1L);
        });
    }

    /**
     * Truth: 192.168.1.197 opens about a thousand connections to 185.244.25.183:4975, each sending
     * {@code NICK MYDWOA} / {@code USER PUFS} and answering the server's PING; the server refuses it ("Too many
     * connections from your IP", "Throttled: Reconnecting too fast"), and while throttled the bot reconnects every
     * 10 s. An IRC bot on a non-IRC port, beaconing (IoT-23 labels these flows benign).
     */
    @Test
    void theTrojanIn421IsFlaggedForIrcOnPort4975AndItsReconnectBeacon() throws IOException {
        List<Alert> alerts = replay("iot23-42-1-c2");
        assertThat(alerts).isNotEmpty().allSatisfy(a -> {
            assertThat(a.host()).isEqualTo("192.168.1.197");
            assertThat(a.kind()).isEqualTo("c2");
            assertThat(a.peers()).contains("185.244.25.183:4975");
        });
        assertThat(signals(alerts)).contains("irc", "beacon");
        assertThat(alerts).filteredOn(a -> a.evidence().startsWith("irc")).first()
                .satisfies(a -> assertThat(a.evidence()).contains("nick 'MYDWOA'", "user 'PUFS'"));
    }

    /**
     * Truth: irc-basic is a person ({@code NICK brotest}) on a public server's standard port 6667; irc-more-commands
     * talks to an IRC server on the same private network (172.16.238.10). Neither is C2: IRC itself is not a crime,
     * only IRC on an odd port or with a bot's nick, to a server outside the network.
     */
    @Test
    void ordinaryIrcOnPort6667AndTheOtherParserFixturesRaiseNothing() throws IOException {
        assertThat(replay("parser-fixtures")).isEmpty();
    }

    /** Truth: a Philips Hue bridge's own traffic (IoT-23 honeypot 4-1); its cloud heartbeats are periodic. */
    @Test
    void theBenignHueBridgeRaisesNothing() throws IOException {
        assertThat(replay("iot23-hue-4-1")).isEmpty();
    }

    /** Truth: two D-Link cameras being set up (DHCP, mDNS, SSDP, DNS, NTP, cloud TLS). */
    @Test
    void theBenignDlinkCamerasRaiseNothing() throws IOException {
        assertThat(replay("cams-dlink")).isEmpty();
    }

    /**
     * Without payload (Zeek, NetFlow) the two bots are still found: 3-1 by fail-over, 42-1 by its beacon and by its
     * hundreds of refused reconnections to its one server (retry).
     */
    @Test
    void fromFlowsAloneBothBotsAreStillFound() throws IOException {
        List<Alert> muhstik = replayFlowsOnly("iot23-3-1-c2/test.pcap");
        assertThat(muhstik).isNotEmpty().allMatch(a -> a.host().equals("192.168.2.5"));
        assertThat(signals(muhstik)).containsExactly("fail-over");
        List<Alert> trojan = replayFlowsOnly("iot23-42-1-c2/42-1.http-payload-stripped.pcap");
        assertThat(trojan).isNotEmpty().allMatch(a -> a.host().equals("192.168.1.197"));
        assertThat(signals(trojan)).containsExactlyInAnyOrder("beacon", "retry");
    }
}
