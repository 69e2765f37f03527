package dev.warden.watch.netflow;

import java.net.InetAddress;

/**
 * One flow as an exporter reported it, in the same shape whatever the NetFlow version, so detectors never see wire
 * formats. Times are epoch milliseconds (0 when the exporter did not say); addresses are null when the template has
 * no such field; counters are as exported, not scaled by the sampling interval.
 *
 * @param version           5, 9 or 10 (IPFIX)
 * @param exporter          address the datagram came from
 * @param observationDomain v9 source id or IPFIX observation domain id; v5: engine type and id ({@code type << 8 | id})
 * @param receivedMillis    when the collector received the datagram
 * @param startMillis       first packet of the flow, epoch ms, 0 if unknown
 * @param endMillis         last packet of the flow, epoch ms, 0 if unknown
 * @param srcAddress        source IPv4 or IPv6 address, or null
 * @param dstAddress        destination IPv4 or IPv6 address, or null
 * @param srcPort           source transport port (0 when none)
 * @param dstPort           destination transport port (0 when none)
 * @param protocol          IP protocol number
 * @param tcpFlags          cumulative TCP flags (OR of all packets)
 * @param packets           packets in the flow
 * @param bytes             layer-3 bytes in the flow
 * @param inputInterface    SNMP index of the input interface (0 when unknown)
 * @param outputInterface   SNMP index of the output interface (0 when unknown)
 * @param samplingInterval  1 in N packets sampled, 0 when the exporter did not say
 */
public record FlowRecord(int version, InetAddress exporter, long observationDomain, long receivedMillis,
                         long startMillis, long endMillis, InetAddress srcAddress, InetAddress dstAddress,
                         int srcPort, int dstPort, int protocol, int tcpFlags, long packets, long bytes,
                         long inputInterface, long outputInterface, long samplingInterval) {
}
