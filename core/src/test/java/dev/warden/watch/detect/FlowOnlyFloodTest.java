package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.EndReason;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.flow.IpAddress;
import dev.warden.watch.flow.TcpState;
import dev.warden.watch.pipeline.WatchPipeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same attacks as flow records only (what Zeek and NetFlow give): the same alert kinds. */
class FlowOnlyFloodTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int SYN = PacketView.TCP_SYN;
    private static final int ACK = PacketView.TCP_ACK;
    private static final int PSH = PacketView.TCP_PSH;
    private static final int FIN = PacketView.TCP_FIN;
    private static final String BOT = "10.0.0.50";
    private static final String TARGET = "203.0.113.5";

    private final List<Alert> alerts = new ArrayList<>();
    private final WatchPipeline pipeline = new WatchPipeline(Detectors.all(DetectorContext.defaults()),
            FlowTable.Config.defaults(), alerts::add);

    private void flow(String client, int cp, String server, int sp, int protocol, long start, long durationMs,
                      long packets, long bytes, long back, int clientFlags, int serverFlags) {
        IpAddress c = IpAddress.parse(client);
        IpAddress s = IpAddress.parse(server);
        boolean syn = (clientFlags & SYN) != 0;
        TcpState state = protocol != PacketView.PROTO_TCP ? TcpState.NONE
                : (clientFlags & FIN) != 0 ? TcpState.CLOSED : syn ? TcpState.SYN : TcpState.NONE;
        pipeline.flow(new FlowEvent(4, protocol, c.high(), c.low(), cp, s.high(), s.low(), sp, start,
                start + durationMs * MS, packets, bytes, back, back * 60, clientFlags, serverFlags, state, syn, false,
                EndReason.IDLE));
    }

    private Alert single(String kind) {
        pipeline.finish();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(kind);
            assertThat(a.host()).isEqualTo(BOT);
            assertThat(a.role()).isEqualTo(Alert.Role.SOURCE);
        });
        if (kind.endsWith("-flood")) {
            assertThat(alerts.get(0).evidence()).contains("from flow records");
        }
        return alerts.get(0);
    }

    @Test
    void oneSynPerFlowIsASynFlood() {
        for (int i = 0; i < 1_500; i++) {
            flow(BOT, 1024 + i * 7 % 60_000, TARGET, 80, 6, T0 + i * MS, 0, 1, 60, 0, SYN, 0);
        }
        assertThat(single("syn-flood").evidence()).contains("SYN flood toward 203.0.113.5: 1,000 packets");
    }

    @Test
    void bareAckFlowsWithoutHandshakeAreAnAckFlood() {
        for (int i = 0; i < 6_000; i++) {
            flow(BOT, 1024 + i * 13 % 60_000, TARGET, 1 + i * 31 % 65_000, 6, T0 + i * MS / 10, 0, 1, 60, 0, ACK, 0);
        }
        single("ack-flood");
    }

    @Test
    void oneBigUnansweredUdpFlowIsAUdpFlood() {
        flow(BOT, 40_000, TARGET, 53, 17, T0, 5_000, 100_000, 60_000_000, 0, 0, 0);
        assertThat(single("udp-flood").evidence()).contains("(DNS)");
    }

    @Test
    void aGreFlowIsAGreFlood() {
        flow(BOT, 0, TARGET, 0, 47, T0, 2_000, 10_000, 6_000_000, 0, 0, 0);
        single("gre-flood");
    }

    @Test
    void manyShortHttpFlowsAreAnHttpFlood() {
        for (int i = 0; i < 250; i++) {
            flow(BOT, 30_000 + i, TARGET, 80, 6, T0 + i * 20 * MS, 30, 5, 400, 4, SYN | ACK | PSH | FIN,
                    SYN | ACK | PSH | FIN);
        }
        single("http-flood");
    }

    @Test
    void manyShortTelnetSessionsAreBruteForce() {
        for (int i = 0; i < 25; i++) {
            flow(BOT, 30_000 + i, TARGET, 23, 6, T0 + i * 1_000 * MS, 900, 6, 400, 5, SYN | ACK | PSH | FIN,
                    SYN | ACK | PSH | FIN);
        }
        single("brute-force");
    }

    @Test
    void aLongAnsweredUdpStreamAndAVpnAreNotFloods() {
        flow(BOT, 6_970, "192.168.1.10", 50_000, 17, T0, 300_000, 120_000, 150_000_000, 100, 0, 0);
        flow(BOT, 51_820, TARGET, 51_820, 17, T0, 60_000, 200_000, 200_000_000, 90_000, 0, 0);
        flow(BOT, 0, TARGET, 0, 47, T0, 300_000, 20_000, 6_000_000, 18_000, 0, 0);
        pipeline.finish();
        assertThat(alerts).isEmpty();
    }

    @Test
    void floodsInFromOutsideAreVictimAlerts() {
        for (int i = 0; i < 1_500; i++) {
            flow("198.18." + i % 200 + "." + (1 + i % 7), 1024 + i, BOT, 80, 6, T0 + i * MS, 0, 1, 60, 0, SYN, 0);
        }
        pipeline.finish();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("syn-flood");
            assertThat(a.role()).isEqualTo(Alert.Role.VICTIM);
            assertThat(a.host()).isEqualTo(BOT);
            assertThat(a.peers()).hasSize(10);
        });
    }
}
