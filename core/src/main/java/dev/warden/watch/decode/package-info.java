/**
 * Streaming capture reading and packet decoding for {@code warden watch}: {@link dev.warden.watch.decode.PcapReader}
 * yields records from pcap and pcapng files through one fixed buffer, {@link dev.warden.watch.decode.PacketDecoder}
 * fills one reused {@link dev.warden.watch.decode.PacketView} per packet, and every malformed or unusual input is
 * a counter in {@link dev.warden.watch.decode.DecodeStats}, never an exception or a log line.
 */
package dev.warden.watch.decode;
