/**
 * Runs a capture file or a Zeek conn.log through the watch pipeline (reader, decoder, flow table, detectors) in one thread, for
 * {@code warden watch --pcap} and tests; the result carries the alerts' counters for the summary.
 */
package dev.warden.watch.replay;
