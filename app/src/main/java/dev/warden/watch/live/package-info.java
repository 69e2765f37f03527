/**
 * Live capture for {@code warden watch --iface}: libpcap bound through the JDK's foreign function API (no JNI
 * library to build or ship), a BPF filter, and each captured frame decoded into the watch pipeline.
 */
package dev.warden.watch.live;
