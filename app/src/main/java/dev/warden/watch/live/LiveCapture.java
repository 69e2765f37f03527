package dev.warden.watch.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.pipeline.WatchPipeline;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Captures from a network interface through libpcap and feeds each frame to a {@link WatchPipeline} through the same
 * {@link PacketDecoder} the file reader uses: {@code pcap_create}, snap length, immediate mode, nanosecond timestamps
 * when the platform has them, then {@code pcap_activate}, an optional BPF filter ({@code pcap_compile} and {@code
 * pcap_setfilter}) and a non-blocking {@code pcap_next_ex} loop that waits in {@code poll} for at most 100 ms when
 * nothing is pending, so a stop request is seen in time (libpcap's own read timeout is not honoured in immediate mode
 * on Linux: a blocking read on a quiet interface never returns). Each frame is copied into one reused buffer, so decoding allocates nothing per packet. Kernel and interface
 * drops ({@code pcap_stats}) are in the summary. One thread; close it to release the handle.
 */
public final class LiveCapture implements AutoCloseable {
    /** Bytes kept per frame: any Ethernet or loopback frame whole (longer ones are counted as snap-truncated). */
    public static final int SNAPLEN = 65_535;
    /**
     * The kernel's capture ring. libpcap sizes each ring slot for the snap length, so libpcap's 2 MB default holds
     * only ~30 frames and a burst overflows it while the consumer is busy; 32 MB holds ~500.
     */
    private static final int BUFFER_BYTES = 32 << 20;
    private static final int TIMEOUT_MILLIS = 100;
    private static final int DLT_RAW = 12;
    private static final int DLT_RAW_OPENBSD = 14;
    private static final int LINKTYPE_RAW = 101;

    /** What was captured: libpcap's counters and the decoder's. */
    public record Summary(long captured, long kernelDrops, long interfaceDrops, int linkType, DecodeStats decode) {
    }

    private final Libpcap pcap;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment handle;
    private final String iface;
    private final boolean nanos;

    private LiveCapture(Libpcap pcap, MemorySegment handle, String iface, boolean nanos) {
        this.pcap = pcap;
        this.handle = handle;
        this.iface = iface;
        this.nanos = nanos;
    }

    /**
     * Opens {@code iface} (promiscuous), with the BPF {@code filter} when not null or blank. Every failure is a
     * {@link CaptureException} saying what to do: install libpcap, run with capture rights, fix the filter.
     */
    public static LiveCapture open(String iface, String filter) throws CaptureException {
        Libpcap pcap = Libpcap.load();
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment errbuf = scratch.allocate(Libpcap.ERRBUF_SIZE);
            MemorySegment h = (MemorySegment) pcap.create.invokeExact(scratch.allocateFrom(iface), errbuf);
            if (h.equals(MemorySegment.NULL)) {
                throw new CaptureException("cannot capture on " + iface + ": " + errbuf.getString(0));
            }
            LiveCapture c;
            try {
                int ignored = (int) pcap.setSnaplen.invokeExact(h, SNAPLEN);
                ignored = (int) pcap.setBufferSize.invokeExact(h, BUFFER_BYTES);
                ignored = (int) pcap.setPromisc.invokeExact(h, 1);
                ignored = (int) pcap.setTimeout.invokeExact(h, TIMEOUT_MILLIS);
                ignored = (int) pcap.setImmediateMode.invokeExact(h, 1);
                boolean nanos = (int) pcap.setTstampPrecision.invokeExact(h, Libpcap.TSTAMP_PRECISION_NANO) == 0;
                c = new LiveCapture(pcap, h, iface, nanos);
            } catch (Throwable t) {
                pcap.close.invokeExact(h);
                throw t;
            }
            try {
                c.activate();
                c.filter(filter);
                if ((int) pcap.setnonblock.invokeExact(h, 1, errbuf) != 0) {
                    throw new CaptureException("cannot capture on " + iface + ": " + errbuf.getString(0));
                }
            } catch (Throwable t) {
                c.close();
                throw t;
            }
            return c;
        } catch (CaptureException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libpcap call failed: " + t, t);
        }
    }

    private void activate() throws Throwable {
        int status = (int) pcap.activate.invokeExact(handle);
        if (status >= 0) {
            return;   // a positive status is a warning (e.g. promiscuous mode not supported): capture works
        }
        String detail = error();
        if (detail.isEmpty()) {
            detail = Libpcap.string((MemorySegment) pcap.statustostr.invokeExact(status));
        }
        if (status == Libpcap.ERROR_PERM_DENIED) {
            throw new CaptureException("permission denied capturing on " + iface + " (" + detail + "): run as root or "
                    + "grant the java binary cap_net_raw,cap_net_admin (setcap)");
        }
        if (status == Libpcap.ERROR_NO_SUCH_DEVICE) {
            throw new CaptureException("no interface " + iface + " (" + detail + ")");
        }
        throw new CaptureException("cannot capture on " + iface + ": " + detail);
    }

    private void filter(String filter) throws Throwable {
        if (filter == null || filter.isBlank()) {
            return;
        }
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment program = scratch.allocate(Libpcap.BPF_PROGRAM_SIZE, 8);
            int rc = (int) pcap.compile.invokeExact(handle, program, scratch.allocateFrom(filter), 1,
                    Libpcap.NETMASK_UNKNOWN);
            if (rc != 0) {
                throw new CaptureException("invalid capture filter '" + filter + "': " + error());
            }
            rc = (int) pcap.setfilter.invokeExact(handle, program);
            pcap.freecode.invokeExact(program);
            if (rc != 0) {
                throw new CaptureException("cannot set capture filter '" + filter + "': " + error());
            }
        }
    }

    private String error() throws Throwable {
        return Libpcap.string((MemorySegment) pcap.geterr.invokeExact(handle));
    }

    /**
     * Captures until {@code stop} says so (checked at least every 100 ms), {@code maxPackets} frames were read (0: no
     * limit) or {@code durationMillis} passed (0: no limit); then finishes the pipeline.
     */
    public Summary run(WatchPipeline pipeline, BooleanSupplier stop, long maxPackets, long durationMillis)
            throws CaptureException {
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        byte[] frame = new byte[SNAPLEN];
        MemorySegment frameSegment = MemorySegment.ofArray(frame);
        ByteBuffer frameBuffer = ByteBuffer.wrap(frame);
        MemorySegment headerPtr = arena.allocate(ADDRESS);
        MemorySegment dataPtr = arena.allocate(ADDRESS);
        MemorySegment pollFd = arena.allocate(Libpcap.POLLFD_SIZE, 4);
        long deadline = durationMillis == 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis);
        long captured = 0;
        try {
            int linkType = linkType();
            pollFd.set(JAVA_INT, 0, (int) pcap.selectableFd.invokeExact(handle));
            pollFd.set(JAVA_SHORT, 4, Libpcap.POLLIN);
            while (!stop.getAsBoolean() && System.nanoTime() < deadline && (maxPackets == 0 || captured < maxPackets)) {
                int rc = (int) pcap.nextEx.invokeExact(handle, headerPtr, dataPtr);
                if (rc == 0) {
                    await(pollFd);
                    continue;   // then check stop and the limits
                }
                if (rc < 0) {
                    throw new CaptureException("capture on " + iface + " failed: " + error());
                }
                captured++;
                MemorySegment header = headerPtr.get(ADDRESS, 0).reinterpret(24);
                int caplen = Math.min(header.get(JAVA_INT, Libpcap.PKTHDR_CAPLEN), SNAPLEN);
                int len = header.get(JAVA_INT, Libpcap.PKTHDR_LEN);
                long ts = header.get(JAVA_LONG, 0) * 1_000_000_000L + header.get(JAVA_LONG, 8) * (nanos ? 1 : 1000);
                MemorySegment.copy(dataPtr.get(ADDRESS, 0).reinterpret(caplen), 0, frameSegment, 0, caplen);
                if (decoder.decode(linkType, frameBuffer, 0, caplen, len, ts, view)) {
                    pipeline.packet(view);
                }
            }
            long[] drops = drops();
            pipeline.finish();
            return new Summary(captured, drops[0], drops[1], linkType, stats);
        } catch (CaptureException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("libpcap call failed: " + t, t);
        }
    }

    /** Waits until the handle is readable or 100 ms passed; without a selectable descriptor, sleeps 10 ms. */
    private void await(MemorySegment pollFd) throws Throwable {
        if (pollFd.get(JAVA_INT, 0) < 0) {
            Thread.sleep(10);
            return;
        }
        int ignored = (int) pcap.poll.invokeExact(pollFd, 1L, TIMEOUT_MILLIS);
    }

    /** libpcap's DLT value as the pcap file link type the decoder expects (they differ only for raw IP). */
    private int linkType() throws Throwable {
        int dlt = (int) pcap.datalink.invokeExact(handle);
        return dlt == DLT_RAW || dlt == DLT_RAW_OPENBSD ? LINKTYPE_RAW : dlt;
    }

    /** Packets dropped by the kernel's buffer and by the interface, as libpcap reports them. */
    private long[] drops() throws Throwable {
        MemorySegment s = arena.allocate(Libpcap.STAT_SIZE, 4);
        if ((int) pcap.stats.invokeExact(handle, s) != 0) {
            return new long[] {0, 0};
        }
        return new long[] {Integer.toUnsignedLong(s.get(JAVA_INT, 4)), Integer.toUnsignedLong(s.get(JAVA_INT, 8))};
    }

    @Override
    public void close() {
        try {
            pcap.close.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("pcap_close failed: " + t, t);
        } finally {
            arena.close();
        }
    }
}
