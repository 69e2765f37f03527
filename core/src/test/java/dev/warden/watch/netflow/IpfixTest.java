package dev.warden.watch.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.netflow.NetflowStats.Counter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpfixTest {
    static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();
    static final long EXPORT = 1_700_000_100L;
    static final long START_MS = 1_700_000_000_123L;

    /**
     * Template 300: IPv4 5-tuple, 8-byte counters, flowStart/EndMilliseconds, an enterprise variable-length field
     * (PEN 9) and interfaceName (variable length).
     */
    static byte[] template() {
        Wire w = new Wire().u16(300).u16(11)
                .u16(8).u16(4).u16(12).u16(4).u16(7).u16(2).u16(11).u16(2).u16(4).u16(1)
                .u16(2).u16(8).u16(1).u16(8).u16(152).u16(8).u16(153).u16(8)
                .u16(0x8000 | 1).u16(0xFFFF).u32(9)
                .u16(82).u16(0xFFFF);
        return Wire.set(2, w, 1);
    }

    static byte[] data(long... packets) {
        Wire w = new Wire();
        for (long p : packets) {
            w.ip(10, 1, 1, 1).ip(10, 1, 1, 2).u16(5000).u16(443).u8(6).u64(p).u64(p * 100).u64(START_MS)
                    .u64(START_MS + 2000)
                    .u8(3).bytes(new byte[] {1, 2, 3})                  // enterprise field, short length
                    .u8(255).u16(300).bytes(new byte[300]);              // interfaceName, long length
        }
        return Wire.set(300, w, 1);
    }

    /** Template 301: IPv6 addresses, 4-byte counters, flowStart/EndSysUpTime. */
    static byte[] templateV6() {
        return Wire.set(2, new Wire().u16(301).u16(6).u16(27).u16(16).u16(28).u16(16).u16(2).u16(4).u16(1).u16(4)
                .u16(22).u16(4).u16(21).u16(4), 1);
    }

    /** Options template 302: scope observationDomainId; systemInitTimeMilliseconds, samplingPacketInterval. */
    static byte[] optionsTemplate() {
        return Wire.set(3, new Wire().u16(302).u16(3).u16(1).u16(149).u16(4).u16(160).u16(8).u16(305).u16(4), 1);
    }

    static final long SYSTEM_INIT = 1_699_999_000_000L;

    @Test
    void decodesVariableLengthAndEnterpriseFields() throws Exception {
        NetflowStats stats = new NetflowStats();
        List<FlowRecord> flows = new ArrayList<>();
        new NetflowDecoder(stats).decode(Wire.ipfix(EXPORT, 0, 5, template(), data(7, 8)), EXPORTER, 0, flows::add);

        assertThat(stats.malformed()).as(stats.toString()).isZero();
        assertThat(flows).hasSize(2);
        FlowRecord f = flows.get(1);
        assertThat(f.version()).isEqualTo(10);
        assertThat(f.observationDomain()).isEqualTo(5);
        assertThat(f.srcAddress()).isEqualTo(InetAddress.getByName("10.1.1.1"));
        assertThat(f.dstPort()).isEqualTo(443);
        assertThat(f.packets()).isEqualTo(8);
        assertThat(f.bytes()).isEqualTo(800);
        assertThat(f.startMillis()).isEqualTo(START_MS);
        assertThat(f.endMillis()).isEqualTo(START_MS + 2000);
    }

    @Test
    void sysUpTimeIsAnchoredBySystemInitTimeFromOptionsData() throws Exception {
        NetflowStats stats = new NetflowStats();
        List<FlowRecord> flows = new ArrayList<>();
        byte[] options = Wire.set(302, new Wire().u32(5).u64(SYSTEM_INIT).u32(64), 1);
        byte[] v6 = Wire.set(301, new Wire().bytes(InetAddress.getByName("2001:db8::1").getAddress())
                .bytes(InetAddress.getByName("2001:db8::2").getAddress()).u32(2).u32(120).u32(1_000).u32(1_500), 1);
        new NetflowDecoder(stats).decode(Wire.ipfix(EXPORT, 0, 5, templateV6(), optionsTemplate(), options, v6),
                EXPORTER, 0, flows::add);

        assertThat(stats.malformed()).as(stats.toString()).isZero();
        assertThat(flows).singleElement().satisfies(f -> {
            assertThat(f.srcAddress()).isEqualTo(InetAddress.getByName("2001:db8::1"));
            assertThat(f.startMillis()).isEqualTo(SYSTEM_INIT + 1_000);
            assertThat(f.endMillis()).isEqualTo(SYSTEM_INIT + 1_500);
            assertThat(f.samplingInterval()).isEqualTo(64);
        });
    }

    @Test
    void secondsAndNtpTimestamps() {
        NetflowStats stats = new NetflowStats();
        List<FlowRecord> flows = new ArrayList<>();
        byte[] t = Wire.set(2, new Wire().u16(310).u16(3).u16(2).u16(4).u16(150).u16(4).u16(157).u16(8), 1);
        long ntpSeconds = 1_700_000_000L + 2_208_988_800L;
        byte[] d = Wire.set(310, new Wire().u32(1).u32(1_699_999_999L).u32(ntpSeconds).u32(0x8000_0000L), 1);
        new NetflowDecoder(stats).decode(Wire.ipfix(EXPORT, 0, 0, t, d), EXPORTER, 0, flows::add);
        assertThat(flows).singleElement().satisfies(f -> {
            assertThat(f.startMillis()).isEqualTo(1_699_999_999_000L);
            assertThat(f.endMillis()).isEqualTo(1_700_000_000_500L);
        });
    }

    @Test
    void withdrawnTemplatesNoLongerDecode() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        List<FlowRecord> flows = new ArrayList<>();
        decoder.decode(Wire.ipfix(EXPORT, 0, 5, template(), templateV6(), optionsTemplate()), EXPORTER, 0, flows::add);
        assertThat(stats.get(Counter.TEMPLATES_LEARNED)).isEqualTo(3);

        decoder.decode(Wire.ipfix(EXPORT, 0, 5, Wire.set(2, new Wire().u16(300).u16(0), 1)), EXPORTER, 0, flows::add);
        decoder.decode(Wire.ipfix(EXPORT, 0, 5, data(1)), EXPORTER, 0, flows::add);
        assertThat(flows).isEmpty();
        assertThat(stats.get(Counter.TEMPLATES_WITHDRAWN)).isEqualTo(1);
        assertThat(stats.get(Counter.NO_TEMPLATE)).isEqualTo(1);

        // withdraw-all (template id = set id 2) removes the remaining data template, not the options template
        decoder.decode(Wire.ipfix(EXPORT, 0, 5, Wire.set(2, new Wire().u16(2).u16(0), 1)), EXPORTER, 0, flows::add);
        assertThat(stats.get(Counter.TEMPLATES_WITHDRAWN)).isEqualTo(2);
        decoder.decode(Wire.ipfix(EXPORT, 0, 5, Wire.set(3, new Wire().u16(3).u16(0), 1)), EXPORTER, 0, flows::add);
        assertThat(stats.get(Counter.TEMPLATES_WITHDRAWN)).isEqualTo(3);
    }

    @Test
    void sequenceCountsDataRecords() {
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        decoder.decode(Wire.ipfix(EXPORT, 0, 5, template(), data(1, 2)), EXPORTER, 0, f -> { });
        decoder.decode(Wire.ipfix(EXPORT, 2, 5, data(1, 2, 3)), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isZero();
        decoder.decode(Wire.ipfix(EXPORT, 9, 5, data(1)), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isEqualTo(1);
        assertThat(stats.get(Counter.SEQUENCE_LOST)).isEqualTo(4);
        // another observation domain keeps its own sequence
        decoder.decode(Wire.ipfix(EXPORT, 1000, 6, template()), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.SEQUENCE_GAP)).isEqualTo(1);
    }

    @Test
    void aVariableLengthRunningPastTheSetIsCounted() {
        NetflowStats stats = new NetflowStats();
        byte[] t = Wire.set(2, new Wire().u16(320).u16(2).u16(2).u16(4).u16(82).u16(0xFFFF), 1);
        byte[] d = Wire.set(320, new Wire().u32(1).u8(255).u16(5000).bytes(new byte[10]), 1);
        List<FlowRecord> flows = new ArrayList<>();
        new NetflowDecoder(stats).decode(Wire.ipfix(EXPORT, 0, 0, t, d), EXPORTER, 0, flows::add);
        assertThat(flows).isEmpty();
        assertThat(stats.get(Counter.BAD_VARLEN)).isEqualTo(1);
    }

    @Test
    void aMessageLongerThanTheDatagramIsTruncated() {
        NetflowStats stats = new NetflowStats();
        ByteBuffer b = Wire.ipfix(EXPORT, 0, 5, template(), data(1));
        new NetflowDecoder(stats).decode(b.limit(b.limit() - 1), EXPORTER, 0, f -> { });
        assertThat(stats.get(Counter.TRUNCATED)).isEqualTo(1);
    }

    static ByteBuffer full() {
        return Wire.ipfix(EXPORT, 0, 5, template(), data(7, 8));
    }
}
