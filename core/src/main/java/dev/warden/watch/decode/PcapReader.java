package dev.warden.watch.decode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Streams capture records from a classic pcap file (either byte order, microsecond or nanosecond magic) or a
 * pcapng file (several sections of either byte order; interfaces with their own link type, snap length and
 * {@code if_tsresol}; enhanced, simple and obsolete packet blocks; other blocks skipped). Memory is one fixed buffer
 * whatever the input size; a record's bytes stay valid in {@link #buffer()} until the next {@link #next()}.
 * Broken input never throws: truncated tails end the stream, corrupt pcapng block lengths resynchronise on the next
 * section header, and both are counted in {@link DecodeStats}. Only I/O failures of the channel throw.
 */
public final class PcapReader implements Closeable {
    /** Largest captured length accepted (libpcap's maximum snap length); a larger one means a corrupt file. */
    public static final int MAX_CAPTURE = 262_144;
    /** Largest pcapng block read; a packet block of {@link #MAX_CAPTURE} plus generous options fits. */
    public static final int MAX_BLOCK = MAX_CAPTURE + 65_536;
    /** Interfaces per pcapng section; more are ignored and their packets counted as bad-interface. */
    public static final int MAX_INTERFACES = 256;
    /** Options read per interface description block. */
    static final int MAX_OPTIONS = 64;

    private static final int PCAP_HEADER = 24;
    private static final int PCAP_RECORD_HEADER = 16;
    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int BLOCK_SHB = 0x0A0D0D0A;
    private static final int BLOCK_IDB = 1;
    private static final int BLOCK_PB = 2;
    private static final int BLOCK_SPB = 3;
    private static final int BLOCK_NRB = 4;
    private static final int BLOCK_ISB = 5;
    private static final int BLOCK_EPB = 6;
    private static final int BLOCK_SJE = 9;
    private static final int BLOCK_DSB = 10;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int BLOCK_MIN = 12;
    private static final int OPT_END = 0;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_TSOFFSET = 14;
    private static final int DEFAULT_TSRESOL = 6;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private enum Format { UNKNOWN, PCAP, PCAPNG, DONE }

    private final ReadableByteChannel in;
    private final DecodeStats stats;
    private final ByteBuffer buf = ByteBuffer.allocate(MAX_BLOCK);
    private final byte[] array = buf.array();
    private int pos;
    private int lim;
    private boolean eof;
    private Format format = Format.UNKNOWN;
    private boolean little;

    private int pcapLinkType;
    private boolean pcapNanos;

    private int interfaces;
    private final int[] ifLinkType = new int[MAX_INTERFACES];
    private final int[] ifSnapLength = new int[MAX_INTERFACES];
    private final int[] ifTsResol = new int[MAX_INTERFACES];
    private final long[] ifTsOffset = new long[MAX_INTERFACES];

    private long timestampNanos;
    private int linkType;
    private int capturedLength;
    private int originalLength;
    private int interfaceId;
    private int dataOffset;

    /** Reads from {@code in} (a blocking channel), counting broken input in {@code stats}. The reader closes the channel. */
    public PcapReader(ReadableByteChannel in, DecodeStats stats) {
        this.in = Objects.requireNonNull(in, "in");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    public PcapReader(InputStream in, DecodeStats stats) {
        this(Channels.newChannel(Objects.requireNonNull(in, "in")), stats);
    }

    public static PcapReader open(Path file, DecodeStats stats) throws IOException {
        return new PcapReader(FileChannel.open(file, StandardOpenOption.READ), stats);
    }

    /** Advances to the next packet record; false at the end of input or when the rest cannot be read. */
    public boolean next() throws IOException {
        switch (format) {
            case UNKNOWN:
                if (!detect()) {
                    format = Format.DONE;
                    return false;
                }
                return next();
            case PCAP:
                return nextPcap();
            case PCAPNG:
                return nextPcapng();
            default:
                return false;
        }
    }

    /** Capture time in nanoseconds since the Unix epoch (a simple packet block repeats the previous record's). */
    public long timestampNanos() {
        return timestampNanos;
    }

    /** LINKTYPE_* of the record's interface. */
    public int linkType() {
        return linkType;
    }

    public int capturedLength() {
        return capturedLength;
    }

    public int originalLength() {
        return originalLength;
    }

    /** Interface index in the current pcapng section; 0 for classic pcap. */
    public int interfaceId() {
        return interfaceId;
    }

    /** The reused buffer holding the record at {@link #dataOffset()}; big-endian, read with absolute gets only. */
    public ByteBuffer buffer() {
        return buf;
    }

    public int dataOffset() {
        return dataOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean detect() throws IOException {
        if (!ensure(4)) {
            if (lim > pos) {
                stats.malformed(DecodeStats.Reason.PCAP_TRUNCATED);
            }
            return false;
        }
        int magic = buf.getInt(pos);
        if (magic == BLOCK_SHB) {
            format = Format.PCAPNG;
            return true;
        }
        if (magic == MAGIC_MICROS || magic == MAGIC_NANOS) {
            little = false;
        } else if (Integer.reverseBytes(magic) == MAGIC_MICROS || Integer.reverseBytes(magic) == MAGIC_NANOS) {
            little = true;
        } else {
            stats.malformed(DecodeStats.Reason.PCAP_BAD_MAGIC);
            return false;
        }
        if (!ensure(PCAP_HEADER)) {
            stats.malformed(DecodeStats.Reason.PCAP_TRUNCATED);
            return false;
        }
        pcapNanos = u32(pos) == MAGIC_NANOS;
        pcapLinkType = u32(pos + 20) & 0xFFFF;
        pos += PCAP_HEADER;
        format = Format.PCAP;
        return true;
    }

    private boolean nextPcap() throws IOException {
        if (!ensure(PCAP_RECORD_HEADER)) {
            return end(lim > pos ? DecodeStats.Reason.PCAP_TRUNCATED : null);
        }
        int cap = u32(pos + 8);
        if (cap < 0 || cap > MAX_CAPTURE) {
            return end(DecodeStats.Reason.PCAP_BAD_CAPLEN);
        }
        if (!ensure(PCAP_RECORD_HEADER + cap)) {
            return end(DecodeStats.Reason.PCAP_TRUNCATED);
        }
        long seconds = u32(pos) & 0xFFFFFFFFL;
        long fraction = u32(pos + 4) & 0xFFFFFFFFL;
        timestampNanos = seconds * NANOS_PER_SECOND + (pcapNanos ? fraction : fraction * 1_000L);
        linkType = pcapLinkType;
        capturedLength = cap;
        originalLength = u32(pos + 12);
        interfaceId = 0;
        dataOffset = pos + PCAP_RECORD_HEADER;
        pos += PCAP_RECORD_HEADER + cap;
        return true;
    }

    private boolean nextPcapng() throws IOException {
        while (true) {
            if (!ensure(8)) {
                return end(lim > pos ? DecodeStats.Reason.PCAPNG_TRUNCATED : null);
            }
            int rawType = buf.getInt(pos);
            if (rawType == BLOCK_SHB) {
                if (!ensure(BLOCK_MIN)) {
                    return end(DecodeStats.Reason.PCAPNG_TRUNCATED);
                }
                int bom = buf.getInt(pos + 8);
                if (bom == BYTE_ORDER_MAGIC) {
                    little = false;
                } else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
                    little = true;
                } else {
                    stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BYTE_ORDER);
                    if (!resync()) {
                        return end(null);
                    }
                    continue;
                }
            }
            int type = u32(pos);
            int total = u32(pos + 4);
            if (total < BLOCK_MIN || (total & 3) != 0 || total > MAX_BLOCK) {
                stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BLOCK_LENGTH);
                if (!resync()) {
                    return end(null);
                }
                continue;
            }
            if (!ensure(total)) {
                return end(DecodeStats.Reason.PCAPNG_TRUNCATED);
            }
            if (u32(pos + total - 4) != total) {
                stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BLOCK_LENGTH);
                if (!resync()) {
                    return end(null);
                }
                continue;
            }
            int body = pos + 8;
            int bodyLength = total - BLOCK_MIN;
            pos += total;
            if (block(type, body, bodyLength)) {
                return true;
            }
        }
    }

    /** Handles one complete block; true when it yielded a packet record. */
    private boolean block(int type, int body, int bodyLength) {
        switch (type) {
            case BLOCK_SHB:
                interfaces = 0;
                return false;
            case BLOCK_IDB:
                interfaceDescription(body, bodyLength);
                return false;
            case BLOCK_EPB:
                return packet(u32(body), body + 4, body + 20, bodyLength - 20, bodyLength >= 20);
            case BLOCK_PB:
                return packet(u16(body), body + 4, body + 20, bodyLength - 20, bodyLength >= 20);
            case BLOCK_SPB:
                return simplePacket(body, bodyLength);
            case BLOCK_NRB:
            case BLOCK_ISB:
            case BLOCK_SJE:
            case BLOCK_DSB:
                return false;
            default:
                stats.note(DecodeStats.Reason.PCAPNG_UNKNOWN_BLOCK);
                return false;
        }
    }

    private void interfaceDescription(int body, int bodyLength) {
        if (bodyLength < 8) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BLOCK_LENGTH);
            return;
        }
        if (interfaces == MAX_INTERFACES) {
            stats.malformed(DecodeStats.Reason.PCAPNG_TOO_MANY_INTERFACES);
            return;
        }
        int i = interfaces++;
        ifLinkType[i] = u16(body);
        ifSnapLength[i] = u32(body + 4);
        ifTsResol[i] = DEFAULT_TSRESOL;
        ifTsOffset[i] = 0;
        int at = body + 8;
        int end = body + bodyLength;
        for (int n = 0; n < MAX_OPTIONS && end - at >= 4; n++) {
            int code = u16(at);
            int length = u16(at + 2);
            if (code == OPT_END || end - at - 4 < length) {
                return;
            }
            if (code == OPT_IF_TSRESOL && length >= 1) {
                ifTsResol[i] = buf.get(at + 4) & 0xFF;
            } else if (code == OPT_IF_TSOFFSET && length == 8) {
                ifTsOffset[i] = u64(at + 4);
            }
            at += 4 + ((length + 3) & ~3);
        }
    }

    /** An enhanced or obsolete packet block: timestamp words at {@code ts}, lengths after them, data at {@code data}. */
    private boolean packet(int id, int ts, int data, int room, boolean longEnough) {
        if (!longEnough) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BLOCK_LENGTH);
            return false;
        }
        if (id < 0 || id >= interfaces) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_INTERFACE);
            return false;
        }
        int cap = u32(ts + 8);
        if (cap < 0 || cap > room) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_PACKET_LENGTH);
            return false;
        }
        long ticks = ((u32(ts) & 0xFFFFFFFFL) << 32) | (u32(ts + 4) & 0xFFFFFFFFL);
        timestampNanos = toNanos(ticks, ifTsResol[id]) + ifTsOffset[id] * NANOS_PER_SECOND;
        return record(id, data, cap, u32(ts + 12));
    }

    private boolean simplePacket(int body, int bodyLength) {
        if (bodyLength < 4) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_BLOCK_LENGTH);
            return false;
        }
        if (interfaces == 0) {
            stats.malformed(DecodeStats.Reason.PCAPNG_BAD_INTERFACE);
            return false;
        }
        int original = u32(body);
        int room = bodyLength - 4;
        int cap = Integer.compareUnsigned(original, room) < 0 ? original : room;
        if (ifSnapLength[0] > 0) {
            cap = Math.min(cap, ifSnapLength[0]);
        }
        return record(0, body + 4, cap, original);
    }

    private boolean record(int id, int data, int cap, int original) {
        interfaceId = id;
        linkType = ifLinkType[id];
        capturedLength = cap;
        originalLength = original;
        dataOffset = data;
        return true;
    }

    /** Timestamp units to nanoseconds: {@code if_tsresol} is 10^-n, or 2^-n when its top bit is set. */
    static long toNanos(long ticks, int tsResol) {
        int exponent = tsResol & 0x7F;
        if ((tsResol & 0x80) == 0) {
            if (exponent <= 9) {
                return ticks * POW10[9 - exponent];
            }
            return exponent - 9 < POW10.length ? Long.divideUnsigned(ticks, POW10[exponent - 9]) : 0;
        }
        if (exponent == 0) {
            return ticks * NANOS_PER_SECOND;
        }
        if (exponent > 62) {
            return 0;
        }
        long seconds = ticks >>> exponent;
        long fraction = ticks & ((1L << exponent) - 1);
        long nanos = exponent <= 30 ? (fraction * NANOS_PER_SECOND) >>> exponent
                : (long) (fraction * (NANOS_PER_SECOND / Math.pow(2, exponent)));
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** Scans forward, one byte at a time, for the next section header block with a valid byte-order magic. */
    private boolean resync() throws IOException {
        pos++;
        while (ensure(BLOCK_MIN)) {
            for (int i = pos; i + BLOCK_MIN <= lim; i++) {
                if (buf.getInt(i) == BLOCK_SHB) {
                    int bom = buf.getInt(i + 8);
                    if (bom == BYTE_ORDER_MAGIC || Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
                        pos = i;
                        return true;
                    }
                }
            }
            pos = lim - BLOCK_MIN + 1;
        }
        pos = lim;
        return false;
    }

    private boolean end(DecodeStats.Reason reason) {
        if (reason != null) {
            stats.malformed(reason);
        }
        format = Format.DONE;
        pos = lim;
        return false;
    }

    /** True when at least {@code n} (at most the buffer size) unread bytes are buffered, reading more if needed. */
    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(array, pos, array, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            buf.limit(buf.capacity()).position(lim);
            int read = in.read(buf);
            if (read < 0) {
                eof = true;
            } else {
                lim += read;
            }
        }
        return lim - pos >= n;
    }

    private int u16(int at) {
        short v = buf.getShort(at);
        return (little ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    private int u32(int at) {
        int v = buf.getInt(at);
        return little ? Integer.reverseBytes(v) : v;
    }

    private long u64(int at) {
        long v = buf.getLong(at);
        return little ? Long.reverseBytes(v) : v;
    }
}
