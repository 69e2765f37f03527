package dev.warden.watch.decode;

import static dev.warden.watch.decode.Captures.*;
import static dev.warden.watch.decode.Packets.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.DecodeStats.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {
    private static final byte[] ETH_TCP = eth(0x0800, ipv4(6, "192.168.1.198", "10.0.0.5",
            tcp(40000, 23, 1, 0, PacketView.TCP_SYN, new byte[0], new byte[0])));
    private static final byte[] RAW_UDP = ipv4(17, "10.0.0.1", "10.0.0.2", udp(1, 53, ascii("q")));
    private static final byte[] RAW6_ICMP = ipv6(58, "::1", "::2", icmp(128, 0, new byte[3]));

    @TempDir
    Path dir;

    private final DecodeStats stats = new DecodeStats();

    /** One read record, copied out of the reader's reused buffer. */
    private record Rec(long ts, int link, int iface, int cap, int orig, byte[] data) {
    }

    private List<Rec> readAll(PcapReader reader) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (reader) {
            while (reader.next()) {
                byte[] data = Arrays.copyOfRange(reader.buffer().array(), reader.dataOffset(),
                        reader.dataOffset() + reader.capturedLength());
                out.add(new Rec(reader.timestampNanos(), reader.linkType(), reader.interfaceId(),
                        reader.capturedLength(), reader.originalLength(), data));
            }
            assertThat(reader.next()).as("stays at end").isFalse();
        }
        return out;
    }

    private List<Rec> readFile(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("capture-" + System.nanoTime()), bytes);
        return readAll(PcapReader.open(file, stats));
    }

    @Test
    void classicLittleEndianMicroseconds() throws IOException {
        byte[] file = cat(pcapHeader(true, false, 1), pcapRecord(true, 1_700_000_000L, 123_456, ETH_TCP, 60),
                pcapRecord(true, 1_700_000_001L, 999_999, ETH_TCP, ETH_TCP.length));
        List<Rec> recs = readFile(file);
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).ts).isEqualTo(1_700_000_000_123_456_000L);
        assertThat(recs.get(0).link).isEqualTo(1);
        assertThat(recs.get(0).cap).isEqualTo(ETH_TCP.length);
        assertThat(recs.get(0).orig).isEqualTo(60);
        assertThat(recs.get(0).data).isEqualTo(ETH_TCP);
        assertThat(recs.get(1).ts).isEqualTo(1_700_000_001_999_999_000L);
        assertThat(stats.nonZero()).isEmpty();
    }

    @Test
    void classicBigEndianNanosecondsDecodes() throws IOException {
        byte[] file = cat(pcapHeader(false, true, 101), pcapRecord(false, 3_000_000_000L, 5, RAW_UDP, RAW_UDP.length));
        try (PcapReader reader = new PcapReader(new ByteArrayInputStream(file), stats)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.timestampNanos()).isEqualTo(3_000_000_000L * 1_000_000_000L + 5);
            PacketView view = new PacketView();
            assertThat(new PacketDecoder(stats).decode(reader, view)).isTrue();
            assertThat(view.dstPort()).isEqualTo(53);
            assertThat(view.payloadLength()).isEqualTo(1);
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void classicTruncatedTailAndBadInputEndCleanly() throws IOException {
        byte[] file = cat(pcapHeader(true, false, 1), pcapRecord(true, 1, 0, ETH_TCP, ETH_TCP.length),
                pcapRecord(true, 2, 0, ETH_TCP, ETH_TCP.length));
        assertThat(readFile(Arrays.copyOf(file, file.length - 5))).hasSize(1);
        assertThat(readFile(Arrays.copyOf(file, 24 + 16 + ETH_TCP.length + 7))).hasSize(1);
        assertThat(stats.count(Reason.PCAP_TRUNCATED)).isEqualTo(2);
        assertThat(readFile(Arrays.copyOf(file, 10))).isEmpty();
        assertThat(stats.count(Reason.PCAP_TRUNCATED)).isEqualTo(3);

        byte[] huge = cat(pcapHeader(false, false, 1), pcapRecord(false, 1, 0, ETH_TCP, 60));
        huge[24 + 8] = 0x7F;
        assertThat(readFile(huge)).isEmpty();
        assertThat(stats.count(Reason.PCAP_BAD_CAPLEN)).isEqualTo(1);
        assertThat(readFile(ascii("GET / HTTP/1.1\r\n\r\n"))).isEmpty();
        assertThat(stats.count(Reason.PCAP_BAD_MAGIC)).isEqualTo(1);
        assertThat(readFile(new byte[0])).isEmpty();
    }

    private static byte[] twoSections() {
        return cat(
                shb(true),
                idb(true, 1, 0, -1),
                idb(true, 101, 65535, 9),
                epb(true, 0, 1_700_000_000_000_001L, ETH_TCP, 100),
                block(true, 0x0BAD, new byte[6]),
                epb(true, 1, 1_700_000_000_000_000_002L, RAW_UDP, RAW_UDP.length),
                block(true, 4, new byte[8]),
                spb(true, ETH_TCP, ETH_TCP.length),
                obsoletePacketBlock(true, 1, 42, RAW_UDP),
                shb(false),
                idb(false, 229, 0, 0x80 | 3),
                epb(false, 0, 8 * 10 + 4, RAW6_ICMP, RAW6_ICMP.length));
    }

    @Test
    void pcapngSectionsInterfacesAndBlockKinds() throws IOException {
        List<Rec> recs = readFile(twoSections());
        assertThat(recs).extracting(Rec::link).containsExactly(1, 101, 1, 101, 229);
        assertThat(recs).extracting(Rec::iface).containsExactly(0, 1, 0, 1, 0);
        assertThat(recs.get(0).ts).isEqualTo(1_700_000_000_000_001_000L);
        assertThat(recs.get(0).orig).isEqualTo(100);
        assertThat(recs.get(0).data).isEqualTo(ETH_TCP);
        assertThat(recs.get(1).ts).isEqualTo(1_700_000_000_000_000_002L);
        assertThat(recs.get(2).ts).as("simple packet block repeats the last time").isEqualTo(recs.get(1).ts);
        assertThat(recs.get(2).data).isEqualTo(ETH_TCP);
        assertThat(recs.get(3).ts).isEqualTo(42);
        assertThat(recs.get(4).ts).as("2^-3 s ticks").isEqualTo(10_500_000_000L);
        assertThat(recs.get(4).data).isEqualTo(RAW6_ICMP);
        assertThat(stats.count(Reason.PCAPNG_UNKNOWN_BLOCK)).isEqualTo(1);
        assertThat(stats.malformedTotal()).isZero();
    }

    @Test
    void pcapngCorruptBlockLengthResyncsOnNextSection() throws IOException {
        byte[] file = twoSections();
        int firstEpb = shb(true).length + idb(true, 1, 0, -1).length + idb(true, 101, 65535, 9).length;
        file[firstEpb + 4] = 0x13; // length no longer a multiple of 4
        List<Rec> recs = readFile(file);
        assertThat(recs).extracting(Rec::link).containsExactly(229);
        assertThat(stats.count(Reason.PCAPNG_BAD_BLOCK_LENGTH)).isEqualTo(1);

        byte[] trailer = twoSections();
        int epbLength = epb(true, 0, 1, ETH_TCP, 100).length;
        trailer[firstEpb + epbLength - 4] ^= 0x04; // trailing length disagrees with the leading one
        assertThat(readFile(trailer)).extracting(Rec::link).containsExactly(229);
        assertThat(stats.count(Reason.PCAPNG_BAD_BLOCK_LENGTH)).isEqualTo(2);
    }

    @Test
    void pcapngBadInterfacePacketLengthAndTruncatedTail() throws IOException {
        byte[] badInterface = epb(true, 7, 1, RAW_UDP, RAW_UDP.length);
        byte[] badLength = epb(true, 0, 1, RAW_UDP, RAW_UDP.length);
        badLength[8 + 12] = (byte) 0xF0; // captured length beyond the block
        byte[] file = cat(shb(true), idb(true, 101, 0, -1), badInterface, badLength,
                epb(true, 0, 1, RAW_UDP, RAW_UDP.length), epb(true, 0, 2, RAW_UDP, RAW_UDP.length));
        assertThat(readFile(Arrays.copyOf(file, file.length - 9))).hasSize(1);
        assertThat(stats.count(Reason.PCAPNG_BAD_INTERFACE)).isEqualTo(1);
        assertThat(stats.count(Reason.PCAPNG_BAD_PACKET_LENGTH)).isEqualTo(1);
        assertThat(stats.count(Reason.PCAPNG_TRUNCATED)).isEqualTo(1);
    }

    @Test
    void tsResolutionConversions() {
        assertThat(PcapReader.toNanos(5, 6)).isEqualTo(5_000L);
        assertThat(PcapReader.toNanos(5, 9)).isEqualTo(5L);
        assertThat(PcapReader.toNanos(5_000, 12)).isEqualTo(5L);
        assertThat(PcapReader.toNanos(3, 0)).isEqualTo(3_000_000_000L);
        assertThat(PcapReader.toNanos((7L << 40) | (1L << 39), 0x80 | 40)).isEqualTo(7_500_000_000L);
        assertThat(PcapReader.toNanos(1, 127)).isZero();
    }

    /** A channel handing over a few bytes per read must give the same records as one big read. */
    @Test
    void trickleInputGivesSameRecords() throws IOException {
        byte[] file = twoSections();
        List<Rec> whole = readAll(new PcapReader(new ByteArrayInputStream(file), stats));
        Random random = new Random(7);
        InputStream trickle = new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
            }
        };
        List<Rec> trickled = readAll(new PcapReader(trickle, stats));
        assertThat(trickled).usingRecursiveComparison().isEqualTo(whole);
    }

    /** 60 MB streamed through the fixed buffer: memory does not grow with the input. */
    @Test
    void largeStreamReadsInBoundedMemory() throws IOException {
        int records = 120_000;
        byte[] header = pcapHeader(true, false, 1);
        byte[] record = pcapRecord(true, 1, 2, Arrays.copyOf(ETH_TCP, 500), 500);
        InputStream generated = new InputStream() {
            private long at;
            private final long total = header.length + (long) records * record.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= total) {
                    return -1;
                }
                int n = 0;
                while (n < len && at < total) {
                    b[off + n++] = at < header.length ? header[(int) at]
                            : record[(int) ((at - header.length) % record.length)];
                    at++;
                }
                return n;
            }
        };
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        long count = 0;
        try (PcapReader reader = new PcapReader(generated, stats)) {
            while (reader.next()) {
                decoder.decode(reader, view);
                count++;
            }
        }
        assertThat(count).isEqualTo(records);
        assertThat(stats.packets()).isEqualTo(records);
        assertThat(stats.malformedTotal()).isZero();
    }

    /** Corrupted and cut captures end in bounded steps without throwing. */
    @Test
    void randomCorruptionsNeverThrowOrLoop() throws IOException {
        Random random = new Random(20261126L);
        byte[][] originals = {twoSections(), cat(pcapHeader(false, true, 1),
                pcapRecord(false, 1, 2, ETH_TCP, 80), pcapRecord(false, 3, 4, RAW_UDP, 20))};
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        for (int i = 0; i < 3_000; i++) {
            byte[] file = originals[random.nextInt(originals.length)].clone();
            for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                file[random.nextInt(file.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(3) == 0 ? random.nextInt(file.length + 1) : file.length;
            int steps = 0;
            try (PcapReader reader = new PcapReader(new ByteArrayInputStream(file, 0, length), stats)) {
                while (reader.next()) {
                    decoder.decode(reader, view);
                    assertThat(++steps).isLessThanOrEqualTo(length / 12);
                }
            }
        }
        assertThat(stats.malformedTotal()).isPositive();
    }
}
