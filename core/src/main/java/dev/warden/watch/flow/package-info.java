/**
 * Bidirectional flows from decoded packets: {@link dev.warden.watch.flow.FlowTable} keeps a bounded table keyed by
 * 5-tuple, follows the TCP handshake, expires flows on idle and active timeouts measured in packet time (so a replay
 * gives the same flows), and emits one {@link dev.warden.watch.flow.FlowEvent} per flow for the detectors.
 */
package dev.warden.watch.flow;
