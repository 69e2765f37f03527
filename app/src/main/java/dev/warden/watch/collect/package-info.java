/**
 * The NetFlow v5/v9/IPFIX collector of {@code warden watch --netflow}: a UDP socket thread, a bounded queue, and the
 * watch pipeline's single thread decoding each exporter's datagrams into flows for the detectors.
 */
package dev.warden.watch.collect;
