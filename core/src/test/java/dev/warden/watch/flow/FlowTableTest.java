package dev.warden.watch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.Packets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private static final long S = 1_000_000_000L;
    private static final int SYN = PacketView.TCP_SYN;
    private static final int ACK = PacketView.TCP_ACK;
    private static final int FIN = PacketView.TCP_FIN;

    private final List<FlowEvent> out = new ArrayList<>();
    private final PacketDecoder decoder = new PacketDecoder(new DecodeStats());
    private final PacketView view = new PacketView();

    private void tcp(FlowTable t, long ts, String src, int sp, String dst, int dp, long seq, int flags) {
        byte[] frame = Packets.eth(0x0800, Packets.ipv4(6, src, dst, Packets.tcp(sp, dp, seq, 0, flags, new byte[0],
                new byte[0])));
        assertThat(decoder.decode(1, ByteBuffer.wrap(frame), 0, frame.length, frame.length, ts, view)).isTrue();
        t.packet(view);
    }

    /** SYN, SYN-ACK, ACK between 10.0.0.1:40000 and 10.0.0.2:80 from second 1. */
    private void handshake(FlowTable t) {
        tcp(t, S, "10.0.0.1", 40000, "10.0.0.2", 80, 1000, SYN);
        tcp(t, S + 1, "10.0.0.2", 80, "10.0.0.1", 40000, 5000, SYN | ACK);
        tcp(t, S + 2, "10.0.0.1", 40000, "10.0.0.2", 80, 1001, ACK);
    }

    private FlowTable table(int capacity) {
        return new FlowTable(new FlowTable.Config(capacity, 60 * S, 300 * S), out::add);
    }

    @Test
    void handshakeDataAndCloseMakeOneFlowWithBothDirections() {
        FlowTable t = table(10);
        handshake(t);
        tcp(t, S + 3, "10.0.0.1", 40000, "10.0.0.2", 80, 1001, FIN | ACK);
        assertThat(out).isEmpty();
        t.finish();
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.client()).isEqualTo("10.0.0.1");
            assertThat(f.server()).isEqualTo("10.0.0.2");
            assertThat(f.serverPort()).isEqualTo(80);
            assertThat(f.clientPackets()).isEqualTo(3);
            assertThat(f.serverPackets()).isEqualTo(1);
            assertThat(f.clientBytes()).isEqualTo(3 * 54);
            assertThat(f.state()).isEqualTo(TcpState.CLOSED);
            assertThat(f.clientSyn()).isTrue();
            assertThat(f.synSeqIsDestination()).isFalse();
            assertThat(f.startNanos()).isEqualTo(S);
            assertThat(f.endNanos()).isEqualTo(S + 3);
            assertThat(f.reason()).isEqualTo(EndReason.END_OF_INPUT);
        });
    }

    @Test
    void establishedNeedsTheClientsAckAfterSynAck() {
        FlowTable t = table(10);
        handshake(t);
        t.finish();
        assertThat(out.get(0).state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void synWithSequenceEqualToTheDestinationIsMiraisSignature() {
        FlowTable t = table(10);
        tcp(t, S, "10.0.0.1", 40000, "192.168.1.20", 23, 0xC0A80114L, SYN);
        t.finish();
        assertThat(out.get(0).synSeqIsDestination()).isTrue();
        assertThat(out.get(0).state()).isEqualTo(TcpState.SYN);
    }

    @Test
    void aSynAckSeenFirstMakesItsReceiverTheClient() {
        FlowTable t = table(10);
        tcp(t, S, "10.0.0.9", 80, "203.0.113.7", 5555, 1, SYN | ACK);
        t.finish();
        assertThat(out.get(0).client()).isEqualTo("203.0.113.7");
        assertThat(out.get(0).clientSyn()).isFalse();
        assertThat(out.get(0).serverPackets()).isEqualTo(1);
    }

    @Test
    void idleFlowsEndOnPacketTime() {
        FlowTable t = table(10);
        tcp(t, S, "10.0.0.1", 40000, "10.0.0.2", 23, 1, SYN);
        tcp(t, 30 * S, "10.0.0.1", 40001, "10.0.0.3", 23, 1, SYN);
        assertThat(out).isEmpty();
        tcp(t, 61 * S, "10.0.0.1", 40002, "10.0.0.4", 23, 1, SYN);
        assertThat(out).extracting(FlowEvent::server).containsExactly("10.0.0.2");
        assertThat(out.get(0).reason()).isEqualTo(EndReason.IDLE);
        assertThat(t.size()).isEqualTo(2);
    }

    @Test
    void aLongFlowIsCutAtTheActiveTimeoutAndContinuesWithTheSameClient() {
        FlowTable t = table(10);
        for (int i = 0; i <= 10; i++) {
            tcp(t, i * 40 * S, "10.0.0.1", 40000, "10.0.0.2", 443, 1, ACK);
        }
        tcp(t, 401 * S, "10.0.0.2", 443, "10.0.0.1", 40000, 1, ACK);
        t.finish();
        assertThat(out).extracting(FlowEvent::reason).containsExactly(EndReason.ACTIVE, EndReason.END_OF_INPUT);
        assertThat(out).extracting(FlowEvent::client).containsOnly("10.0.0.1");
        assertThat(out.get(0).clientPackets() + out.get(1).clientPackets()).isEqualTo(11);
    }

    @Test
    void aFullTableEvictsTheLeastRecentlyActiveFlowAndCountsIt() {
        FlowTable t = table(2);
        tcp(t, S, "10.0.0.1", 1, "10.0.0.2", 23, 1, SYN);
        tcp(t, 2 * S, "10.0.0.1", 2, "10.0.0.3", 23, 1, SYN);
        tcp(t, 3 * S, "10.0.0.2", 23, "10.0.0.1", 1, 1, ACK);
        tcp(t, 4 * S, "10.0.0.1", 3, "10.0.0.4", 23, 1, SYN);
        assertThat(t.evicted()).isEqualTo(1);
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.server()).isEqualTo("10.0.0.3");
            assertThat(f.reason()).isEqualTo(EndReason.EVICTED);
        });
        t.finish();
        assertThat(t.flows()).isEqualTo(3);
    }

    @Test
    void aNewSynOnAClosedTupleStartsANewFlow() {
        FlowTable t = table(10);
        tcp(t, S, "10.0.0.1", 40000, "10.0.0.2", 23, 1, SYN);
        tcp(t, S + 1, "10.0.0.2", 23, "10.0.0.1", 40000, 0, PacketView.TCP_RST | ACK);
        tcp(t, 2 * S, "10.0.0.1", 40000, "10.0.0.2", 23, 7, SYN);
        t.finish();
        assertThat(out).extracting(FlowEvent::reason).containsExactly(EndReason.REUSED, EndReason.END_OF_INPUT);
    }

    /**
     * The hand-written hash table against a plain model: random packets over 300 endpoint pairs in both directions,
     * through a table small enough to evict constantly. No packet is lost or counted twice, every open flow is
     * found again by either direction, and with room for all no flow is split.
     */
    @Test
    void randomTrafficThroughASmallTableLosesNoPacketAndSplitsNoFlowWhenThereIsRoom() {
        java.util.Random r = new java.util.Random(7);
        for (int capacity : new int[] {17, 1000}) {
            out.clear();
            FlowTable t = table(capacity);
            java.util.Map<String, Integer> sent = new java.util.HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                int pair = r.nextInt(300);
                String a = "10.1." + (pair % 7) + "." + (pair % 251 + 1);
                String b = "192.0.2." + (pair % 13 + 1);
                int ap = 1024 + pair;
                boolean forward = r.nextBoolean();
                if (forward) {
                    tcp(t, S + i, a, ap, b, 80, 1, ACK);
                } else {
                    tcp(t, S + i, b, 80, a, ap, 1, ACK);
                }
                sent.merge(a + ":" + ap, 1, Integer::sum);
            }
            t.finish();
            assertThat(t.size()).isZero();
            assertThat(out.stream().mapToLong(f -> f.clientPackets() + f.serverPackets()).sum()).isEqualTo(20_000);
            if (capacity == 1000) {
                assertThat(t.evicted()).isZero();
                assertThat(out).hasSize(sent.size());
                for (FlowEvent f : out) {
                    String client = f.clientPort() == 80 ? f.server() + ":" + f.serverPort()
                            : f.client() + ":" + f.clientPort();
                    assertThat(f.clientPackets() + f.serverPackets()).isEqualTo((long) sent.get(client));
                }
            } else {
                assertThat(t.evicted()).isPositive();
            }
        }
    }
}
