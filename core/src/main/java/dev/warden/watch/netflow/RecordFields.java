package dev.warden.watch.netflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Scratch for one template-driven data record: the decoder feeds it each field by IPFIX information element number
 * (the same numbers as v9 for everything read here), then resolves times once the whole record is seen, because
 * systemInitTimeMilliseconds may come after the sysUpTime fields it anchors. Reused for every record.
 */
final class RecordFields {
    /** Seconds from the NTP era (1900) to the Unix epoch. */
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;

    long bytes, packets, bytesTotal, packetsTotal;
    int protocol, tcpFlags, srcPort, dstPort;
    long inputInterface, outputInterface, samplingInterval, systemInitMillis;
    InetAddress src, dst;
    private long startAbs, endAbs, startUptime = -1, endUptime = -1, startDeltaMicros = -1, endDeltaMicros = -1;

    void reset() {
        bytes = packets = bytesTotal = packetsTotal = 0;
        protocol = tcpFlags = srcPort = dstPort = 0;
        inputInterface = outputInterface = samplingInterval = systemInitMillis = 0;
        src = dst = null;
        startAbs = endAbs = 0;
        startUptime = endUptime = startDeltaMicros = endDeltaMicros = -1;
    }

    /** Takes one field; unknown types and odd lengths are ignored (reduced-size encoding is honoured). */
    void set(int type, ByteBuffer buf, int off, int len) {
        switch (type) {
            case 8, 27 -> src = address(buf, off, len);
            case 12, 28 -> dst = address(buf, off, len);
            case 154, 156 -> startAbs = len == 8 ? ntpMillis(buf.getLong(off)) : 0;
            case 155, 157 -> endAbs = len == 8 ? ntpMillis(buf.getLong(off)) : 0;
            default -> setNumber(type, unsigned(buf, off, len));
        }
    }

    /** Takes an unsigned field; -1 (a bad length, or beyond Long.MAX_VALUE) is ignored. */
    private void setNumber(int type, long v) {
        if (v < 0) {
            return;
        }
        switch (type) {
            case 1 -> bytes = v;
            case 2 -> packets = v;
            case 85 -> bytesTotal = v;
            case 86 -> packetsTotal = v;
            case 4 -> protocol = (int) (v & 0xFF);
            case 6 -> tcpFlags = (int) (v & 0xFFFF);
            case 7 -> srcPort = (int) (v & 0xFFFF);
            case 11 -> dstPort = (int) (v & 0xFFFF);
            case 10 -> inputInterface = v;
            case 14 -> outputInterface = v;
            case 34, 305 -> samplingInterval = v;
            case 160 -> systemInitMillis = v;
            case 22 -> startUptime = v;
            case 21 -> endUptime = v;
            case 150 -> startAbs = v * 1000;
            case 151 -> endAbs = v * 1000;
            case 152 -> startAbs = v;
            case 153 -> endAbs = v;
            case 158 -> startDeltaMicros = v;
            case 159 -> endDeltaMicros = v;
            default -> { }
        }
    }

    /**
     * Builds the record. {@code uptimeBase} is the epoch ms that sysUpTime 0 stands for (v9: export time minus
     * sysUptime; IPFIX: systemInitTimeMilliseconds, 0 when unknown); {@code exportMillis} anchors the delta fields.
     */
    FlowRecord toRecord(int version, InetAddress exporter, long domain, long receivedMillis, long exportMillis,
                        long uptimeBase, long domainSampling) {
        long base = systemInitMillis != 0 ? systemInitMillis : uptimeBase;
        long start = time(startAbs, startUptime, startDeltaMicros, base, exportMillis);
        long end = time(endAbs, endUptime, endDeltaMicros, base, exportMillis);
        return new FlowRecord(version, exporter, domain, receivedMillis, start, end, src, dst, srcPort, dstPort,
                protocol, tcpFlags, packets != 0 ? packets : packetsTotal, bytes != 0 ? bytes : bytesTotal,
                inputInterface, outputInterface, samplingInterval != 0 ? samplingInterval : domainSampling);
    }

    private static long time(long abs, long uptime, long deltaMicros, long base, long exportMillis) {
        if (abs != 0) {
            return abs;
        }
        if (uptime >= 0 && base != 0) {
            return base + uptime;
        }
        if (deltaMicros >= 0 && exportMillis != 0) {
            return exportMillis - deltaMicros / 1000;
        }
        return 0;
    }

    private static long ntpMillis(long ntp) {
        long seconds = ntp >>> 32;
        long fraction = ntp & 0xFFFF_FFFFL;
        return (seconds - NTP_TO_UNIX_SECONDS) * 1000 + (fraction * 1000 >>> 32);
    }

    /** Big-endian unsigned integer of 1 to 8 bytes; -1 for other lengths or a value beyond Long.MAX_VALUE. */
    static long unsigned(ByteBuffer buf, int off, int len) {
        if (len < 1 || len > 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = v << 8 | buf.get(off + i) & 0xFF;
        }
        return v;
    }

    /** IPv4 (4 bytes) or IPv6 (16 bytes) address; null for any other length. */
    static InetAddress address(ByteBuffer buf, int off, int len) {
        if (len != 4 && len != 16) {
            return null;
        }
        byte[] raw = new byte[len];
        buf.get(off, raw);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            return null;   // unreachable: the length is 4 or 16
        }
    }
}
