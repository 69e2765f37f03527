package dev.warden.watch.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.netflow.NetflowStats.Counter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetflowV5Test {
    static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();

    /** A v5 datagram with {@code count} records; record i is 10.0.0.1:1000+i → 10.0.0.2:80, 3+i packets. */
    static ByteBuffer v5(long sequence, int count) {
        Wire w = new Wire().u16(5).u16(count).u32(10_000).u32(1_700_000_000L).u32(500_000_000L).u32(sequence)
                .u8(1).u8(2).u16(0x4000 | 100);
        for (int i = 0; i < count; i++) {
            w.ip(10, 0, 0, 1).ip(10, 0, 0, 2).ip(0, 0, 0, 0).u16(3).u16(4).u32(3 + i).u32(1000 + i)
                    .u32(4_000).u32(9_000).u16(1000 + i).u16(80).u8(0).u8(0x1b).u8(6).u8(0)
                    .u16(0).u16(0).u8(24).u8(24).u16(0);
        }
        return ByteBuffer.wrap(w.toBytes());
    }

    @Test
    void decodesHeaderAndRecords() throws Exception {
        NetflowStats stats = new NetflowStats();
        List<FlowRecord> flows = new ArrayList<>();
        new NetflowDecoder(stats).decode(v5(7, 2), EXPORTER, 42L, flows::add);

        assertThat(flows).hasSize(2);
        FlowRecord f = flows.get(1);
        long boot = 1_700_000_000_500L - 10_000;
        assertThat(f.version()).isEqualTo(5);
        assertThat(f.observationDomain()).isEqualTo(0x0102);
        assertThat(f.receivedMillis()).isEqualTo(42L);
        assertThat(f.startMillis()).isEqualTo(boot + 4_000);
        assertThat(f.endMillis()).isEqualTo(boot + 9_000);
        assertThat(f.srcAddress()).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(f.dstAddress()).isEqualTo(InetAddress.getByName("10.0.0.2"));
        assertThat(f.srcPort()).isEqualTo(1001);
        assertThat(f.dstPort()).isEqualTo(80);
        assertThat(f.protocol()).isEqualTo(6);
        assertThat(f.tcpFlags()).isEqualTo(0x1b);
        assertThat(f.packets()).isEqualTo(4);
        assertThat(f.bytes()).isEqualTo(1001);
        assertThat(f.inputInterface()).isEqualTo(3);
        assertThat(f.outputInterface()).isEqualTo(4);
        assertThat(f.samplingInterval()).isEqualTo(100);
        assertThat(stats.get(Counter.RECORDS)).isEqualTo(2);
        assertThat(stats.malformed()).isZero();
    }

    @Test
    void countsSequenceGapsInFlows() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        decoder.decode(v5(100, 3), EXPORTER, 0, f -> { });
        decoder.decode(v5(103, 2), EXPORTER, 0, f -> { });   // expected: no gap
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isZero();
        decoder.decode(v5(110, 1), EXPORTER, 0, f -> { });   // 105..109 lost
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(stats.get(Counter.SEQUENCE_LOST)).isEqualTo(5);
        decoder.decode(v5(50, 1), EXPORTER, 0, f -> { });    // behind: reordered or restarted, not a gap
        assertThat(stats.get(Counter.SEQUENCE_OUT_OF_ORDER)).isEqualTo(1);
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void rejectsACountTheDatagramCannotHold() {
        NetflowStats stats = new NetflowStats();
        ByteBuffer b = v5(1, 2);
        b.putShort(2, (short) 3);
        new NetflowDecoder(stats).decode(b, EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.TRUNCATED)).isEqualTo(1);
        assertThat(stats.get(Counter.RECORDS)).isZero();
    }
}
