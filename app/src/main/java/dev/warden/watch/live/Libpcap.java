package dev.warden.watch.live;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The libpcap functions live capture uses, bound with {@link Linker} (the JDK's foreign function API), so Warden
 * needs the system's libpcap and no native code of its own. Struct layouts are the LP64 ones (Linux x86-64 and
 * arm64): {@code pcap_pkthdr} is a 16-byte timeval then caplen and len; {@code bpf_program} is a u_int padded to 8
 * then a pointer; {@code pcap_stat} is three u_ints.
 */
final class Libpcap {
    /** Library names tried, Debian's first. */
    private static final List<String> NAMES = List.of("libpcap.so.0.8", "libpcap.so.1", "libpcap.so", "libpcap.dylib");
    static final int ERRBUF_SIZE = 256;
    static final int PKTHDR_CAPLEN = 16;
    static final int PKTHDR_LEN = 20;
    static final long BPF_PROGRAM_SIZE = 16;
    static final long STAT_SIZE = 12;
    static final int ERROR_NO_SUCH_DEVICE = -5;
    static final int ERROR_PERM_DENIED = -8;
    static final int TSTAMP_PRECISION_NANO = 1;
    static final int NETMASK_UNKNOWN = 0xFFFFFFFF;
    /** {@code struct pollfd}: int fd, short events, short revents. */
    static final long POLLFD_SIZE = 8;
    static final short POLLIN = 1;

    final MethodHandle create;
    final MethodHandle setSnaplen;
    final MethodHandle setBufferSize;
    final MethodHandle setPromisc;
    final MethodHandle setTimeout;
    final MethodHandle setImmediateMode;
    final MethodHandle setTstampPrecision;
    final MethodHandle activate;
    final MethodHandle datalink;
    final MethodHandle compile;
    final MethodHandle setfilter;
    final MethodHandle freecode;
    final MethodHandle nextEx;
    final MethodHandle stats;
    final MethodHandle geterr;
    final MethodHandle statustostr;
    final MethodHandle close;
    final MethodHandle setnonblock;
    final MethodHandle selectableFd;
    /** libc's {@code poll}, to wait for a non-blocking handle with a timeout libpcap itself does not guarantee. */
    final MethodHandle poll;

    private Libpcap(SymbolLookup lib) {
        create = bind(lib, "pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        setSnaplen = bind(lib, "pcap_set_snaplen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setBufferSize = bind(lib, "pcap_set_buffer_size", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setPromisc = bind(lib, "pcap_set_promisc", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTimeout = bind(lib, "pcap_set_timeout", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setImmediateMode = bind(lib, "pcap_set_immediate_mode", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        setTstampPrecision = bind(lib, "pcap_set_tstamp_precision", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        activate = bind(lib, "pcap_activate", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        datalink = bind(lib, "pcap_datalink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        compile = bind(lib, "pcap_compile", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT,
                JAVA_INT));
        setfilter = bind(lib, "pcap_setfilter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        freecode = bind(lib, "pcap_freecode", FunctionDescriptor.ofVoid(ADDRESS));
        nextEx = bind(lib, "pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        stats = bind(lib, "pcap_stats", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        geterr = bind(lib, "pcap_geterr", FunctionDescriptor.of(ADDRESS, ADDRESS));
        statustostr = bind(lib, "pcap_statustostr", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        close = bind(lib, "pcap_close", FunctionDescriptor.ofVoid(ADDRESS));
        setnonblock = bind(lib, "pcap_setnonblock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        selectableFd = bind(lib, "pcap_get_selectable_fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        poll = bind(Linker.nativeLinker().defaultLookup(), "poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG,
                JAVA_INT));
    }

    /** Loads the system's libpcap; a clear error naming the package when it is not installed. */
    static Libpcap load() throws CaptureException {
        for (String name : NAMES) {
            try {
                return new Libpcap(SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (IllegalArgumentException e) {
                // not under this name; try the next
            }
        }
        throw new CaptureException("libpcap is not installed (looked for " + NAMES
                + "); on Debian: apt-get install libpcap0.8t64 (or libpcap0.8)");
    }

    private static MethodHandle bind(SymbolLookup lib, String name, FunctionDescriptor fd) {
        MemorySegment symbol = lib.find(name).orElseThrow(
                () -> new IllegalStateException("no " + name + " in libpcap or libc (libpcap 1.5 or later is needed)"));
        return Linker.nativeLinker().downcallHandle(symbol, fd);
    }

    /** A C string returned by libpcap, at most {@link #ERRBUF_SIZE} bytes read. */
    static String string(MemorySegment cString) {
        if (cString.equals(MemorySegment.NULL)) {
            return "";
        }
        return cString.reinterpret(ERRBUF_SIZE).getString(0);
    }
}
