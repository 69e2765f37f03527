package dev.warden.watch.netflow;

import dev.warden.watch.netflow.NetflowStats.Counter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decodes NetFlow v5, v9 and IPFIX datagrams into {@link FlowRecord}s. Keeps the per-exporter state the template
 * formats need (templates, sequence numbers, sampling) for at most {@link #MAX_EXPORTERS} exporters, evicting the
 * least recently heard one. Bad input is counted in {@link NetflowStats} and skipped; {@link #decode} never throws
 * on datagram contents and never reads outside the buffer's position..limit.
 *
 * <p>Data that arrives before its template is counted ({@code decode.netflow.no-template}) and dropped rather than
 * buffered: exporters resend templates every few seconds or packets, so the loss is short, while a buffer would be
 * memory a stranger can fill with data for templates that never come.
 *
 * <p>Not thread-safe: one decoder per receiving thread (or per exporter partition).
 */
public final class NetflowDecoder {
    /** Exporters whose templates and sequence numbers are remembered. */
    public static final int MAX_EXPORTERS = 1024;
    /** Records decoded from one datagram at most; a 64 KB datagram of tiny records would otherwise be 16 K. */
    public static final int MAX_RECORDS_PER_DATAGRAM = 2048;

    private static final int V5_HEADER = 24;
    private static final int V5_RECORD = 48;
    /** Cisco sends at most 30 records; any count a UDP datagram can hold is accepted, a larger one is not. */
    private static final int V5_MAX_COUNT = (65_535 - V5_HEADER) / V5_RECORD;

    private final NetflowStats stats;
    private final Map<InetAddress, ExporterState> exporters;
    private final TemplateSets templateSets;

    /** A decoder counting into {@code stats}. */
    public NetflowDecoder(NetflowStats stats) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.exporters = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, ExporterState> eldest) {
                boolean evict = size() > MAX_EXPORTERS;
                if (evict) {
                    stats.inc(Counter.EXPORTER_EVICTED);
                }
                return evict;
            }
        };
        this.templateSets = new TemplateSets(stats);
    }

    /** The counters this decoder writes. */
    public NetflowStats stats() {
        return stats;
    }

    /**
     * Decodes one datagram (the bytes between the buffer's position and limit; the buffer is not modified) and
     * passes each flow to {@code out}.
     *
     * @param datagram       the UDP payload
     * @param exporter       the address it came from
     * @param receivedMillis when it arrived, epoch ms
     * @param out            receives each decoded flow
     */
    public void decode(ByteBuffer datagram, InetAddress exporter, long receivedMillis, Consumer<FlowRecord> out) {
        stats.inc(Counter.DATAGRAMS);
        int off = datagram.position();
        int len = datagram.remaining();
        if (len < 2) {
            stats.inc(Counter.TRUNCATED);
            return;
        }
        int version = datagram.getShort(off) & 0xFFFF;
        switch (version) {
            case 5 -> decodeV5(datagram, off, len, exporter, receivedMillis, out);
            case 9, 10 -> templateSets.decode(version, datagram, off, len, exporter, exporterState(exporter),
                    receivedMillis, out);
            default -> stats.inc(Counter.BAD_VERSION);
        }
    }

    private ExporterState exporterState(InetAddress exporter) {
        return exporters.computeIfAbsent(exporter, e -> new ExporterState());
    }

    private void decodeV5(ByteBuffer buf, int off, int len, InetAddress exporter, long receivedMillis,
                          Consumer<FlowRecord> out) {
        if (len < V5_HEADER) {
            stats.inc(Counter.TRUNCATED);
            return;
        }
        int count = buf.getShort(off + 2) & 0xFFFF;
        if (count == 0 || count > V5_MAX_COUNT) {
            stats.inc(Counter.BAD_LENGTH);
            return;
        }
        if (len < V5_HEADER + count * V5_RECORD) {
            stats.inc(Counter.TRUNCATED);
            return;
        }
        long uptime = buf.getInt(off + 4) & 0xFFFF_FFFFL;
        long exportMillis = (buf.getInt(off + 8) & 0xFFFF_FFFFL) * 1000 + (buf.getInt(off + 12) & 0xFFFF_FFFFL) / 1_000_000;
        long sequence = buf.getInt(off + 16) & 0xFFFF_FFFFL;
        long domainId = buf.getShort(off + 20) & 0xFFFF;   // engine type << 8 | engine id
        int sampling = buf.getShort(off + 22) & 0x3FFF;     // the top two bits are the sampling mode
        ExporterState.Domain domain = exporterState(exporter).domain(domainId);
        if (domain == null) {
            stats.inc(Counter.TOO_MANY_DOMAINS);
            return;
        }
        checkSequence(stats, domain, sequence, count);
        long boot = exportMillis - uptime;
        for (int i = 0; i < count; i++) {
            int r = off + V5_HEADER + i * V5_RECORD;
            out.accept(new FlowRecord(5, exporter, domainId, receivedMillis,
                    boot + (buf.getInt(r + 24) & 0xFFFF_FFFFL), boot + (buf.getInt(r + 28) & 0xFFFF_FFFFL),
                    RecordFields.address(buf, r, 4), RecordFields.address(buf, r + 4, 4),
                    buf.getShort(r + 32) & 0xFFFF, buf.getShort(r + 34) & 0xFFFF, buf.get(r + 38) & 0xFF,
                    buf.get(r + 37) & 0xFF, buf.getInt(r + 16) & 0xFFFF_FFFFL, buf.getInt(r + 20) & 0xFFFF_FFFFL,
                    buf.getShort(r + 12) & 0xFFFF, buf.getShort(r + 14) & 0xFFFF, sampling));
        }
        stats.add(Counter.RECORDS, count);
    }

    /**
     * Compares a datagram's sequence number with the one expected and remembers the next. {@code advance} is what
     * this datagram adds: flows (v5), 1 (v9, which counts datagrams) or data records (IPFIX). A jump forward of less
     * than half the 32-bit space is a gap of that many; anything else is reordering or an exporter restart.
     */
    static void checkSequence(NetflowStats stats, ExporterState.Domain domain, long sequence, long advance) {
        if (domain.expectedSequence >= 0 && sequence != domain.expectedSequence) {
            long ahead = (sequence - domain.expectedSequence) & 0xFFFF_FFFFL;
            if (ahead < 0x8000_0000L) {
                stats.inc(Counter.SEQUENCE_GAP);
                stats.add(Counter.SEQUENCE_LOST, ahead);
            } else {
                stats.inc(Counter.SEQUENCE_OUT_OF_ORDER);
            }
        }
        domain.expectedSequence = advance < 0 ? -1 : (sequence + advance) & 0xFFFF_FFFFL;
    }
}
