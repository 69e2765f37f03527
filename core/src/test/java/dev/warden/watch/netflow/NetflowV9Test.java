package dev.warden.watch.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.netflow.NetflowStats.Counter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetflowV9Test {
    static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    static final long UPTIME = 60_000;
    static final long UNIX = 1_700_000_000L;

    /** Template 256: src, dst, ports, proto, flags, packets, bytes, first, last, in/out interface (34 bytes). */
    static byte[] template() {
        Wire w = new Wire().u16(256).u16(12);
        int[][] fields = {{8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}, {6, 1}, {2, 4}, {1, 4}, {22, 4}, {21, 4},
                {10, 2}, {14, 2}};
        for (int[] f : fields) {
            w.u16(f[0]).u16(f[1]);
        }
        return Wire.set(0, w, 4);
    }

    /** Options template 257: scope System (4 bytes), then SAMPLING_INTERVAL (4) and SAMPLING_ALGORITHM (1). */
    static byte[] optionsTemplate() {
        return Wire.set(1, new Wire().u16(257).u16(4).u16(8).u16(1).u16(4).u16(34).u16(4).u16(35).u16(1), 4);
    }

    static byte[] samplingData(int interval) {
        return Wire.set(257, new Wire().u32(0).u32(interval).u8(1), 4);
    }

    static byte[] data(int... packets) {
        Wire w = new Wire();
        for (int p : packets) {
            w.ip(192, 168, 1, 10).ip(8, 8, 8, 8).u16(40000).u16(53).u8(17).u8(0).u32(p).u32(p * 70L)
                    .u32(50_000).u32(55_000).u16(1).u16(2);
        }
        return Wire.set(256, w, 4);
    }

    @Test
    void decodesTemplatesOptionsAndData() throws Exception {
        NetflowStats stats = new NetflowStats();
        List<FlowRecord> flows = new ArrayList<>();
        new NetflowDecoder(stats).decode(Wire.v9(5, UPTIME, UNIX, 1, 77, template(), optionsTemplate(),
                samplingData(10), data(3, 4)), EXPORTER, 0, flows::add);

        assertThat(stats.malformed()).as(stats.toString()).isZero();
        assertThat(stats.get(Counter.TEMPLATES_LEARNED)).isEqualTo(2);
        assertThat(stats.get(Counter.OPTIONS_RECORDS)).isEqualTo(1);
        assertThat(flows).hasSize(2);
        FlowRecord f = flows.get(1);
        long boot = UNIX * 1000 - UPTIME;
        assertThat(f.version()).isEqualTo(9);
        assertThat(f.observationDomain()).isEqualTo(77);
        assertThat(f.srcAddress()).isEqualTo(InetAddress.getByName("192.168.1.10"));
        assertThat(f.dstAddress()).isEqualTo(InetAddress.getByName("8.8.8.8"));
        assertThat(f.srcPort()).isEqualTo(40000);
        assertThat(f.dstPort()).isEqualTo(53);
        assertThat(f.protocol()).isEqualTo(17);
        assertThat(f.packets()).isEqualTo(4);
        assertThat(f.bytes()).isEqualTo(280);
        assertThat(f.startMillis()).isEqualTo(boot + 50_000);
        assertThat(f.endMillis()).isEqualTo(boot + 55_000);
        assertThat(f.inputInterface()).isEqualTo(1);
        assertThat(f.outputInterface()).isEqualTo(2);
        assertThat(f.samplingInterval()).isEqualTo(10);
    }

    @Test
    void dataBeforeItsTemplateIsCountedAndDropped() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        List<FlowRecord> flows = new ArrayList<>();
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 1, 0, data(3)), EXPORTER, 0, flows::add);
        assertThat(flows).isEmpty();
        assertThat(stats.get(Counter.NO_TEMPLATE)).isEqualTo(1);

        decoder.decode(Wire.v9(1, UPTIME, UNIX, 2, 0, template()), EXPORTER, 0, flows::add);
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 3, 0, data(3)), EXPORTER, 0, flows::add);
        assertThat(flows).hasSize(1);

        // templates belong to one exporter and source id
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 4, 9, data(3)), EXPORTER, 0, flows::add);
        assertThat(stats.get(Counter.NO_TEMPLATE)).isEqualTo(2);
    }

    @Test
    void aRefreshedTemplateReplacesTheOldLayout() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        List<FlowRecord> flows = new ArrayList<>();
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 1, 0, template()), EXPORTER, 0, flows::add);
        byte[] packetsOnly = Wire.set(0, new Wire().u16(256).u16(1).u16(2).u16(4), 4);
        decoder.decode(Wire.v9(3, UPTIME, UNIX, 2, 0, packetsOnly,
                Wire.set(256, new Wire().u32(11).u32(12), 4)), EXPORTER, 0, flows::add);
        assertThat(flows).extracting(FlowRecord::packets).containsExactly(11L, 12L);
        assertThat(stats.malformed()).isZero();
    }

    @Test
    void countsSequenceGapsInDatagrams() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        for (long seq : new long[] {1, 2, 5, 6}) {
            decoder.decode(Wire.v9(1, UPTIME, UNIX, seq, 0, template()), EXPORTER, 0, f -> { });
        }
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(stats.get(Counter.SEQUENCE_LOST)).isEqualTo(2);
    }

    @Test
    void aDatagramWithFewerRecordsThanItsCountIsCounted() {
        NetflowStats stats = new NetflowStats();
        new NetflowDecoder(stats).decode(Wire.v9(3, UPTIME, UNIX, 1, 0, template()), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.COUNT_MISMATCH)).isEqualTo(1);
    }

    @Test
    void templatesPerExporterAreCapped() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        for (int id = 256; id < 256 + ExporterState.MAX_TEMPLATES + 10; id++) {
            byte[] t = Wire.set(0, new Wire().u16(id).u16(1).u16(2).u16(4), 4);
            decoder.decode(Wire.v9(1, UPTIME, UNIX, id, 0, t), EXPORTER, 0, f -> { });
        }
        assertThat(stats.get(Counter.TEMPLATES_LEARNED)).isEqualTo(ExporterState.MAX_TEMPLATES);
        assertThat(stats.get(Counter.TOO_MANY_TEMPLATES)).isEqualTo(10);
    }

    @Test
    void aTemplateWithTooManyFieldsIsRefused() {
        NetflowStats stats = new NetflowStats();
        Wire w = new Wire().u16(300).u16(TemplateSets.MAX_FIELDS + 1);
        for (int i = 0; i <= TemplateSets.MAX_FIELDS; i++) {
            w.u16(2).u16(4);
        }
        new NetflowDecoder(stats).decode(Wire.v9(1, UPTIME, UNIX, 1, 0, Wire.set(0, w, 4)), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.TOO_MANY_FIELDS)).isEqualTo(1);
        assertThat(stats.get(Counter.TEMPLATES_LEARNED)).isZero();
    }

    @Test
    void theLeastRecentlyHeardExporterIsForgottenAtTheCap() throws Exception {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        for (int i = 0; i <= NetflowDecoder.MAX_EXPORTERS; i++) {
            InetAddress exporter = InetAddress.getByAddress(new byte[] {127, 0, (byte) (i >>> 8), (byte) i});
            decoder.decode(Wire.v9(1, UPTIME, UNIX, 1, 0, template()), exporter, 0, f -> { });
        }
        assertThat(stats.get(Counter.EXPORTER_EVICTED)).isEqualTo(1);
        List<FlowRecord> flows = new ArrayList<>();
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 2, 0, data(1)),
                InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0, flows::add);
        assertThat(flows).hasSize(1);
        decoder.decode(Wire.v9(1, UPTIME, UNIX, 2, 0, data(1)),
                InetAddress.getByAddress(new byte[] {127, 0, 0, 0}), 0, flows::add);   // the evicted first one
        assertThat(flows).hasSize(1);
        assertThat(stats.get(Counter.NO_TEMPLATE)).isEqualTo(1);
    }

    static ByteBuffer full() {
        return Wire.v9(5, UPTIME, UNIX, 1, 77, template(), optionsTemplate(), samplingData(10), data(3, 4));
    }
}
