package dev.warden.watch.detect;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.flow.FlowEvent;
import java.util.function.Consumer;

/**
 * One detector: plain Java over events and the per-host state it keeps itself. No threads, clocks or I/O inside; time
 * is only the events' own timestamps, so the same class runs in the single-process pipeline and, later, in a keyed
 * stream operator. State must be bounded (evict and count in {@link #dropped()}).
 *
 * <p>Every input gives flows ({@link #onFlow}); packet captures (file or live) also give every decoded IP packet
 * ({@link #onPacket}) before it enters the flow table, for detectors that read payload (IRC commands, DNS names, HTTP
 * requests) or need per-packet rates. Zeek logs and NetFlow give flows only, so a detector that can work from flows
 * should. Alerts go to {@code out} as they are raised.
 */
public interface Detector {

    /** Short name, also the rule file's name ({@code content/rules/<name>.yaml}) and the name in summaries. */
    String name();

    /** One finished flow (or a long flow cut by the active timeout). */
    void onFlow(FlowEvent flow, Consumer<Alert> out);

    /**
     * One decoded IP packet (captures only). {@code packet} is reused by the caller after this returns: copy what you
     * keep. The default ignores packets.
     */
    default void onPacket(PacketView packet, Consumer<Alert> out) {
    }

    /**
     * True for a detector that implements {@link #onPacket}: the pipeline calls {@code onPacket} only on those, so the
     * detectors that work from flows cost nothing per packet. The default is false.
     */
    default boolean readsPackets() {
        return false;
    }

    /** End of input at traffic time {@code lastNanos}: raise what is pending. The default does nothing. */
    default void finish(long lastNanos, Consumer<Alert> out) {
    }

    /** Hosts or entries dropped because the detector's state was full, for the summary. */
    default long dropped() {
        return 0;
    }
}
