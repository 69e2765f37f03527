package dev.warden.bench;

import dev.warden.watch.decode.DecodeStats;
import dev.warden.watch.decode.PacketDecoder;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.PcapReader;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark harness for bench/watch-vs-tshark.sh: one pass over a capture at one stage — {@code decode} (read and
 * decode every packet), {@code flows} (plus the flow table) or {@code pipeline} (plus every detector, as
 * {@code warden watch} runs it) — printing packets, seconds, packets per second and the peak heap after collection
 * (the old generation's collection usage), so a 10× larger file can show whether memory stays flat. {@code cpu_pps} is
 * packets per second of the pass's own thread CPU time: per core, and much less sensitive than wall time to other
 * processes on a shared machine (compilation and GC threads are not in it). With {@code -Dwatchbench.alerts=true} every
 * alert is printed to standard error, one per line, so two builds can be checked to decide the same.
 */
public final class WatchBench {
    private WatchBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: WatchBench decode|flows|pipeline FILE [DETECTOR,...]");
            System.exit(2);
        }
        String stage = args[0];
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        long[] flows = new long[1];
        long[] alerts = new long[1];
        boolean printAlerts = Boolean.getBoolean("watchbench.alerts");
        FlowTable table = stage.equals("flows") ? new FlowTable(FlowTable.Config.defaults(), f -> flows[0]++) : null;
        WatchPipeline pipeline = stage.equals("pipeline")
                ? new WatchPipeline(Detectors.only(DetectorContext.defaults(),
                        args.length == 3 ? java.util.Set.of(args[2].split(",")) : null), FlowTable.Config.defaults(),
                        a -> {
                            alerts[0]++;
                            if (printAlerts) {
                                System.err.println(a);
                            }
                        })
                : null;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (PcapReader reader = PcapReader.open(Path.of(args[1]), stats)) {
            while (reader.next()) {
                if (decoder.decode(reader, view)) {
                    if (table != null) {
                        table.packet(view);
                    } else if (pipeline != null) {
                        pipeline.packet(view);
                    }
                }
            }
        }
        if (table != null) {
            table.finish();
        }
        if (pipeline != null) {
            pipeline.finish();
            flows[0] = pipeline.summary().flows();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                peak = Math.max(peak, pool.getCollectionUsage().getUsed());
            }
        }
        System.out.printf(Locale.ROOT, "stage=%s packets=%d malformed=%d flows=%d alerts=%d seconds=%.2f pps=%.0f "
                        + "cpu_s=%.2f cpu_pps=%.0f heap_after_gc_mb=%.1f%n", stage, stats.packets(),
                stats.malformedTotal(), flows[0], alerts[0], seconds, stats.packets() / seconds, cpuSeconds,
                stats.packets() / cpuSeconds, peak / 1048576.0);
    }
}
