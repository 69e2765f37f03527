package dev.warden.lab.proto.rtsp;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a vendor's RTSP server writes its answers, byte for byte where scanners look: where {@code Server:} goes, how
 * {@code CSeq} is spelled, the {@code Date:} format or none, whether {@code Content-Length: 0} is sent on empty
 * answers, and whether a request line with another protocol version is answered at all. Scanners (nmap {@code -sV},
 * Shodan) identify cameras by exactly these details, so the lab writes them the way the firmware does.
 *
 * <p>Presets, chosen per service with the {@code dialect} option:
 * <ul>
 *   <li>{@code generic} (default): CSeq, Server, the rest, an RFC 1123 Date ({@code Tue, 03 Jun 2008 11:05:30 GMT}); Content-Length only with a body</li>
 *   <li>{@code hikvision}: Hikvision IP cameras: CSeq, the rest, then {@code Date:  Wed, Apr 08 2020 15:48:38 GMT}
 *       (two spaces, month before day); any protocol version in the request line is answered as RTSP/1.0 (the
 *       camera answers a SIP {@code OPTIONS} with its RTSP 200)</li>
 *   <li>{@code dahua}: Dahua "Dahua Rtsp Server": CSeq, the rest, Server, {@code Content-Length} always (0 on empty
 *       answers), no Date</li>
 *   <li>{@code h264dvr}: XiongMai "H264DVR": Server first, then {@code Cseq} (so spelled), the rest, no Date</li>
 * </ul>
 * Every preset leaves CSeq out when the request had none, as all of these servers do.
 */
enum RtspDialect {
    GENERIC(ServerAt.AFTER_CSEQ, "CSeq", DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT),
            false, false),
    HIKVISION(ServerAt.AFTER_CSEQ, "CSeq", DateTimeFormatter.ofPattern(" EEE, MMM dd yyyy HH:mm:ss 'GMT'", Locale.ROOT),
            false, true),
    DAHUA(ServerAt.LAST, "CSeq", null, true, false),
    H264DVR(ServerAt.FIRST, "Cseq", null, false, false);

    /** Where the {@code Server:} header goes. */
    enum ServerAt { FIRST, AFTER_CSEQ, LAST }

    private final ServerAt serverAt;
    private final String cseqName;
    private final DateTimeFormatter date;
    private final boolean alwaysLength;
    private final boolean anyVersion;

    RtspDialect(ServerAt serverAt, String cseqName, DateTimeFormatter date, boolean alwaysLength, boolean anyVersion) {
        this.serverAt = serverAt;
        this.cseqName = cseqName;
        this.date = date;
        this.alwaysLength = alwaysLength;
        this.anyVersion = anyVersion;
    }

    /** The preset named in a profile ({@code generic}, {@code hikvision}, {@code dahua}, {@code h264dvr}). */
    static RtspDialect named(String name) {
        for (RtspDialect d : values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("option 'dialect' must be generic, hikvision, dahua or h264dvr, got '"
                + name + "'");
    }

    ServerAt serverAt() {
        return serverAt;
    }

    String cseqName() {
        return cseqName;
    }

    /** The value of the Date header now, or null when this server sends none. */
    String dateNow() {
        return date == null ? null : date.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    boolean alwaysLength() {
        return alwaysLength;
    }

    /** Whether a request with a protocol version other than RTSP/1.x is answered rather than refused with 505. */
    boolean anyVersion() {
        return anyVersion;
    }
}
