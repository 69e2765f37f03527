/**
 * NetFlow v5, v9 (RFC 3954) and IPFIX (RFC 7011) decoding: one UDP datagram from an exporter in, flow records out.
 * {@link dev.warden.watch.netflow.NetflowDecoder} keeps the templates per exporter and observation domain, counts
 * sequence gaps and every malformed or dropped datagram in {@link dev.warden.watch.netflow.NetflowStats} under a
 * stable dotted name, and never throws on bad input: exporters are untrusted, and a flood of garbage must cost a
 * counter, not the collector.
 */
package dev.warden.watch.netflow;
