package dev.warden.lab.traffic;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A botnet phase the infected camera can play, named like the alert kind a detector should raise for it, with its
 * default length and packet (or connection, query) rate. Rates follow what the captured bots did: Mirai's scanner sends
 * a few hundred SYNs a second; its floods thousands of packets a second for tens of seconds.
 */
public enum Phase {
    /** Mirai telnet scan: SYNs to random addresses on 23 and 2323, sequence number equal to the destination. */
    SCAN(30, 200),
    /** Telnet brute force against one host: short login sessions, one every few seconds. */
    BRUTE_FORCE(60, 0.5),
    /** IRC C2 on an odd port: NICK/USER/JOIN, PING/PONG, then attack orders; lasts until the end of the capture. */
    C2(0, 0),
    SYN_FLOOD(15, 2000),
    ACK_FLOOD(15, 2000),
    UDP_FLOOD(15, 2000),
    GRE_FLOOD(15, 2000),
    /** HTTP GET flood: whole connections, each asking for a page. */
    HTTP_FLOOD(15, 100),
    /** DNS water torture: random labels under one victim domain, through the LAN resolver. */
    DNS_WATER_TORTURE(15, 600),
    /** A large upload to a remote the camera never talked to. */
    EXFILTRATION(60, 0),
    /** Connections to LAN hosts on telnet, SSH and SMB. */
    LATERAL_MOVEMENT(30, 5);

    private final int seconds;
    private final double rate;

    Phase(int seconds, double rate) {
        this.seconds = seconds;
        this.rate = rate;
    }

    /** The alert kind, e.g. {@code syn-flood}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Default length in seconds (0 for C2, which runs to the end of the capture). */
    public int seconds() {
        return seconds;
    }

    /** Packets, connections or queries per second, depending on the phase. */
    double rate() {
        return rate;
    }

    public boolean isFlood() {
        return wireName().endsWith("-flood") || this == DNS_WATER_TORTURE;
    }

    public static Phase fromWire(String s) {
        for (Phase p : values()) {
            if (p.wireName().equals(s.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + s + "' (known: "
                + Arrays.stream(values()).map(Phase::wireName).collect(Collectors.joining(",")) + ")");
    }
}
