package dev.warden.watch.pipeline;

import dev.warden.watch.decode.PacketView;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.Detector;
import dev.warden.watch.flow.FlowEvent;
import dev.warden.watch.flow.FlowTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The single-process watch pipeline: packets go to every detector's {@link Detector#onPacket} and then into a
 * {@link FlowTable}; finished flows (from the table, or straight from a flow-only input such as a Zeek log or a
 * NetFlow collector) go to every detector's {@link Detector#onFlow}. Alerts go to the caller as they are raised. One
 * thread; every input (file, live capture, collector) drives the same instance type.
 */
public final class WatchPipeline {

    /** What the pipeline saw, for the summary line. */
    public record Summary(long flowPackets, long skippedPackets, long flows, long evictedFlows, long alerts,
                         Map<String, Long> droppedByDetector) {
    }

    private final Detector[] detectors;
    /** The detectors that read packets ({@link Detector#readsPackets}); most work from flows only. */
    private final Detector[] packetDetectors;
    private final Consumer<Alert> sink;
    private final FlowTable table;
    private long alerts;
    private long lastNanos;
    private long inputFlows;

    public WatchPipeline(List<Detector> detectors, FlowTable.Config flows, Consumer<Alert> alerts) {
        this.detectors = detectors.toArray(new Detector[0]);
        this.packetDetectors = detectors.stream().filter(Detector::readsPackets).toArray(Detector[]::new);
        Objects.requireNonNull(alerts, "alerts");
        this.sink = a -> {
            this.alerts++;
            alerts.accept(a);
        };
        this.table = new FlowTable(flows, this::deliver);
    }

    /** One decoded packet from a capture; {@code p} may be reused by the caller afterwards. */
    public void packet(PacketView p) {
        if (p.ipVersion() != 0) {
            lastNanos = Math.max(lastNanos, p.timestampNanos());
            for (Detector d : packetDetectors) {
                d.onPacket(p, sink);
            }
        }
        table.packet(p);
    }

    /** One finished flow from a flow-only input (Zeek, NetFlow, IPFIX). */
    public void flow(FlowEvent flow) {
        inputFlows++;
        deliver(flow);
    }

    /** End of input: flushes open flows and lets every detector raise what is pending. */
    public void finish() {
        table.finish();
        for (Detector d : detectors) {
            d.finish(lastNanos, sink);
        }
    }

    public Summary summary() {
        Map<String, Long> dropped = new LinkedHashMap<>();
        for (Detector d : detectors) {
            if (d.dropped() > 0) {
                dropped.put(d.name(), d.dropped());
            }
        }
        return new Summary(table.packets(), table.skipped(), table.flows() + inputFlows, table.evicted(), alerts,
                dropped);
    }

    private void deliver(FlowEvent flow) {
        lastNanos = Math.max(lastNanos, flow.endNanos());
        for (Detector d : detectors) {
            d.onFlow(flow, sink);
        }
    }
}
