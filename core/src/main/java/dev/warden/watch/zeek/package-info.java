/**
 * Reads Zeek {@code conn.log} files, one connection per line, into the {@link dev.warden.watch.flow.FlowEvent}s the
 * detectors consume, so a network already watched by Zeek needs no packet capture: TSV with {@code #fields} headers,
 * JSON lines, IoT-23's variant (last columns separated by three spaces), a TSV with a plain header line, and logs
 * without any header (Zeek's default column order). Streaming, line-length bounded, bad lines counted and skipped.
 */
package dev.warden.watch.zeek;
