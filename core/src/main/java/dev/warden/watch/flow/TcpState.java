package dev.warden.watch.flow;

/** How far a TCP flow's handshake got; UDP, ICMP and other protocols stay {@link #NONE}. */
public enum TcpState {
    /** Not TCP, or TCP whose start was not captured (no SYN seen). */
    NONE,
    /** The client's SYN, no answer yet: a scan probe to a silent address ends here. */
    SYN,
    /** The server answered with SYN-ACK. */
    SYN_ACK,
    /** The client acknowledged the SYN-ACK. */
    ESTABLISHED,
    /** A FIN or RST was seen from either side. */
    CLOSED
}
