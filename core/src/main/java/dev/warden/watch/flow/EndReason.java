package dev.warden.watch.flow;

/** Why a flow was emitted. */
public enum EndReason {
    /** No packet for the idle timeout. */
    IDLE,
    /** Open longer than the active timeout; the conversation continues as a new flow. */
    ACTIVE,
    /** A new SYN arrived on a closed flow's 5-tuple (port reuse). */
    REUSED,
    /** The table was full and this was the least recently active flow. */
    EVICTED,
    /** The capture ended. */
    END_OF_INPUT,
    /** The flow came finished from a flow source (a Zeek log, a NetFlow or IPFIX exporter), ended by its rules. */
    EXTERNAL
}
