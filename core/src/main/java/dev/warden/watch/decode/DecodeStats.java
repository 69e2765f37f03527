package dev.warden.watch.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters for one decoding thread: packets and bytes seen, and how often each {@link Reason} happened.
 * Decoders never throw and never log per packet; what went wrong is counted here under a stable dotted name that
 * metrics and reports can use. Not thread-safe: one instance per thread, merged with {@link #add(DecodeStats)}.
 */
public final class DecodeStats {

    /** Why a record or packet was cut short or skipped; {@link #wireName()} is stable for metrics and reports. */
    public enum Reason {
        PCAP_BAD_MAGIC("decode.pcap.bad-magic", true),
        PCAP_TRUNCATED("decode.pcap.truncated", true),
        PCAP_BAD_CAPLEN("decode.pcap.bad-caplen", true),
        PCAPNG_TRUNCATED("decode.pcapng.truncated", true),
        PCAPNG_BAD_BLOCK_LENGTH("decode.pcapng.bad-block-length", true),
        PCAPNG_BAD_BYTE_ORDER("decode.pcapng.bad-byte-order", true),
        PCAPNG_BAD_INTERFACE("decode.pcapng.bad-interface", true),
        PCAPNG_TOO_MANY_INTERFACES("decode.pcapng.too-many-interfaces", true),
        PCAPNG_BAD_PACKET_LENGTH("decode.pcapng.bad-packet-length", true),
        PCAPNG_UNKNOWN_BLOCK("decode.pcapng.unknown-block", false),
        SNAP_TRUNCATED("decode.snap.truncated", false),
        LINK_UNSUPPORTED("decode.link.unsupported", false),
        ETH_TRUNCATED("decode.eth.truncated", true),
        VLAN_TRUNCATED("decode.vlan.truncated", true),
        VLAN_TOO_DEEP("decode.vlan.too-deep", true),
        SLL_TRUNCATED("decode.sll.truncated", true),
        SLL2_TRUNCATED("decode.sll2.truncated", true),
        NULL_TRUNCATED("decode.null.truncated", true),
        NULL_UNKNOWN_FAMILY("decode.null.unknown-family", false),
        RAW_BAD_VERSION("decode.raw.bad-version", true),
        ETHERTYPE_OTHER("decode.l3.other-ethertype", false),
        IPV4_TRUNCATED("decode.ipv4.truncated", true),
        IPV4_BAD_VERSION("decode.ipv4.bad-version", true),
        IPV4_BAD_HEADER_LENGTH("decode.ipv4.bad-header-length", true),
        IPV4_BAD_TOTAL_LENGTH("decode.ipv4.bad-total-length", true),
        IPV4_FRAGMENT("decode.ipv4.fragment", false),
        IPV6_TRUNCATED("decode.ipv6.truncated", true),
        IPV6_BAD_VERSION("decode.ipv6.bad-version", true),
        IPV6_EXT_TRUNCATED("decode.ipv6.ext-truncated", true),
        IPV6_EXT_TOO_MANY("decode.ipv6.ext-too-many", true),
        IPV6_FRAGMENT("decode.ipv6.fragment", false),
        IP_OTHER_PROTOCOL("decode.ip.other-protocol", false),
        ENCAP_TOO_DEEP("decode.encap.too-deep", true),
        GRE_TRUNCATED("decode.gre.truncated", true),
        GRE_UNSUPPORTED("decode.gre.unsupported", false),
        TCP_TRUNCATED("decode.tcp.truncated", true),
        TCP_BAD_HEADER_LENGTH("decode.tcp.bad-header-length", true),
        UDP_TRUNCATED("decode.udp.truncated", true),
        UDP_BAD_LENGTH("decode.udp.bad-length", true),
        ICMP_TRUNCATED("decode.icmp.truncated", true),
        ICMPV6_TRUNCATED("decode.icmpv6.truncated", true);

        private final String wireName;
        private final boolean malformed;

        Reason(String wireName, boolean malformed) {
            this.wireName = wireName;
            this.malformed = malformed;
        }

        /** The stable dotted name, e.g. {@code decode.ipv4.truncated}. */
        public String wireName() {
            return wireName;
        }

        /** True for broken input; false for a note about valid but unusual or unsupported input (ARP, fragments). */
        public boolean malformed() {
            return malformed;
        }
    }

    private static final Reason[] REASONS = Reason.values();
    private final long[] counts = new long[REASONS.length];
    private long packets;
    private long bytes;

    /** Counts a packet handed to the decoder, with its original (wire) length. */
    public void packet(int originalLength) {
        packets++;
        bytes += originalLength & 0xFFFFFFFFL;
    }

    /** Counts broken input; decoders call this exactly once before returning false. */
    public void malformed(Reason reason) {
        counts[reason.ordinal()]++;
    }

    /** Counts a note about input that is not broken (a later fragment, an ARP frame, a snap-length cut). */
    public void note(Reason reason) {
        counts[reason.ordinal()]++;
    }

    public long count(Reason reason) {
        return counts[reason.ordinal()];
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    /** Sum of the counters whose reason is {@link Reason#malformed()}. */
    public long malformedTotal() {
        long sum = 0;
        for (Reason r : REASONS) {
            if (r.malformed) {
                sum += counts[r.ordinal()];
            }
        }
        return sum;
    }

    /** Adds another thread's counters to these. */
    public void add(DecodeStats other) {
        packets += other.packets;
        bytes += other.bytes;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The non-zero counters by wire name, in declaration order. */
    public Map<String, Long> nonZero() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Reason r : REASONS) {
            if (counts[r.ordinal()] != 0) {
                out.put(r.wireName, counts[r.ordinal()]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "packets=" + packets + " bytes=" + bytes + " " + nonZero();
    }
}
