package dev.warden.watch.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Untrusted bytes: every cut and random corruption of valid datagrams is counted, never thrown or hung on. */
class NetflowRobustnessTest {
    static final InetAddress EXPORTER = InetAddress.getLoopbackAddress();

    static ByteBuffer valid(int version) {
        return switch (version) {
            case 5 -> NetflowV5Test.v5(1, 3);
            case 9 -> NetflowV9Test.full();
            default -> IpfixTest.full();
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 10})
    void everyTruncatedPrefixIsCounted(int version) {
        ByteBuffer full = valid(version);
        for (int len = 0; len < full.limit(); len++) {
            NetflowStats stats = new NetflowStats();
            ByteBuffer prefix = full.duplicate().limit(len);
            new NetflowDecoder(stats).decode(prefix, EXPORTER, 0, f -> { });
            assertThat(stats.malformed()).as("v%d cut at %d: %s", version, len, stats).isPositive();
            assertThat(prefix.position()).isZero();
            assertThat(prefix.limit()).isEqualTo(len);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 10})
    void seededCorruptionNeverThrows(int version) {
        Random random = new Random(20261126L + version);
        byte[] original = valid(version).array();
        NetflowStats shared = new NetflowStats();
        NetflowDecoder stateful = new NetflowDecoder(shared);   // corrupted templates must not poison it into a throw
        int[] flows = new int[1];
        for (int i = 0; i < 5_000; i++) {
            byte[] b = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            NetflowStats stats = new NetflowStats();
            new NetflowDecoder(stats).decode(ByteBuffer.wrap(b), EXPORTER, 0, f -> flows[0]++);
            stateful.decode(ByteBuffer.wrap(b), EXPORTER, 0, f -> flows[0]++);
            assertThat(stats.get(NetflowStats.Counter.DATAGRAMS)).isEqualTo(1);
            assertThat(stats.get(NetflowStats.Counter.RECORDS)).isLessThanOrEqualTo(NetflowDecoder.MAX_RECORDS_PER_DATAGRAM);
        }
        assertThat(shared.get(NetflowStats.Counter.DATAGRAMS)).isEqualTo(5_000);
        assertThat(shared.malformed()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 10})
    void randomBytesBehindAValidVersionNeverThrow(int version) {
        Random random = new Random(7L * version);
        NetflowStats stats = new NetflowStats();
        NetflowDecoder decoder = new NetflowDecoder(stats);
        Supplier<byte[]> garbage = () -> {
            byte[] b = new byte[random.nextInt(1500)];
            random.nextBytes(b);
            if (b.length >= 2) {
                b[0] = 0;
                b[1] = (byte) version;
            }
            return b;
        };
        for (int i = 0; i < 5_000; i++) {
            decoder.decode(ByteBuffer.wrap(garbage.get()), EXPORTER, 0, f -> { });
        }
        assertThat(stats.malformed()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 65_535})
    void tinyRecordsAreCappedPerDatagram(int size) {
        NetflowStats stats = new NetflowStats();
        byte[] t = Wire.set(2, new Wire().u16(400).u16(1).u16(4).u16(1), 1);   // one-byte records: protocol only
        NetflowDecoder decoder = new NetflowDecoder(stats);
        decoder.decode(Wire.ipfix(0, 0, 0, t), EXPORTER, 0, f -> { });
        Wire body = new Wire().bytes(new byte[size - 16 - 4]);
        int[] flows = new int[1];
        decoder.decode(Wire.ipfix(0, 0, 0, Wire.set(400, body, 1)), EXPORTER, 0, f -> flows[0]++);
        assertThat(flows[0]).isEqualTo(Math.min(size - 20, NetflowDecoder.MAX_RECORDS_PER_DATAGRAM));
        assertThat(stats.get(NetflowStats.Counter.TOO_MANY_RECORDS)).isEqualTo(size - 20 > NetflowDecoder.MAX_RECORDS_PER_DATAGRAM ? 1 : 0);
    }
}
