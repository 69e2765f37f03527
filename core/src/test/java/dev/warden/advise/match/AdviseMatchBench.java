package dev.warden.advise.match;

import dev.warden.model.Advisory;
import dev.warden.model.AffectedProduct;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Remedy;
import dev.warden.model.Vulnerability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark harness (run by {@code bench/advise-match.sh}, not a test): a synthetic inventory of N devices and M
 * advisories over 200 vendors with 50 models each (a tenth of the products through a wildcard model, a third with a
 * hardware revision, ranges in vers, vls and free-text forms); reports match-all time (wall clock and the thread's CPU
 * time, which a loaded machine disturbs less), the time to index the inventory once, and the mean time one new
 * advisory needs to find its devices through that index.
 */
public final class AdviseMatchBench {
    /** New advisories timed one after another over the indexed inventory; the mean is reported. */
    private static final int NEW_ADVISORIES = 100;

    private AdviseMatchBench() {
    }

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int advisories = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Random rnd = new Random(42);
        List<Advisory> as = new ArrayList<>(advisories);
        for (int i = 0; i < advisories; i++) {
            as.add(advisory(i, rnd));
        }
        List<Device> ds = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            int v = rnd.nextInt(200);
            ds.add(new Device("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), DeviceKind.CAMERA,
                    "Vendor " + v, "M" + v + "-" + rnd.nextInt(50), rnd.nextBoolean() ? "V" + (1 + rnd.nextInt(3)) : null,
                    "2." + rnd.nextInt(5) + "." + rnd.nextInt(10) + "." + rnd.nextInt(100), 1.0, List.of()));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        AdvisoryMatcher m = new AdvisoryMatcher(as);
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        long matches = 0;
        for (Device d : ds) {
            matches += m.match(d).size();
        }
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        DeviceIndex inventory = m.index(ds);
        long t3 = System.nanoTime();
        long found = 0;
        for (int i = 0; i < NEW_ADVISORIES; i++) {
            found += m.affected(advisory(advisories + i, rnd), inventory).size();
        }
        long t4 = System.nanoTime();
        System.out.printf("devices=%d advisories=%d index=%.2fs match-all=%.2fs cpu=%.2fs (%d matches, %.1f µs/device, "
                        + "cpu %.1f µs/device) inventory-index=%.2fs one-new-advisory=%.2fms (mean of %d, %.1f matches)%n",
                devices, advisories, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, matches,
                (t2 - t1) / 1e3 / devices, (c2 - c1) / 1e3 / devices, (t3 - t2) / 1e9,
                (t4 - t3) / 1e6 / NEW_ADVISORIES, NEW_ADVISORIES, (double) found / NEW_ADVISORIES);
    }

    private static Advisory advisory(int i, Random rnd) {
        List<AffectedProduct> ps = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            int v = rnd.nextInt(200);
            int line = rnd.nextInt(5);
            String model = k == 0 && i % 2 == 0 ? "M" + v + "-?" : "M" + v + "-" + rnd.nextInt(50);
            String range = switch (k % 3) {
                case 0 -> "vers:intdot/>=2." + line + ".0.0|<2." + line + "." + rnd.nextInt(10) + ".50";
                case 1 -> ">= 2." + line + ".1 build 1 | <= 2." + line + ".8 Build 99";
                default -> "All versions < V2." + line + ".5";
            };
            ps.add(new AffectedProduct("P" + k, "Vendor " + v, List.of(model), k == 1 ? "V" + (1 + rnd.nextInt(3)) : null,
                    range, AffectedProduct.ProductStatus.AFFECTED));
        }
        Set<String> ids = Set.of("P0", "P1", "P2", "P3", "P4");
        return new Advisory("BENCH-" + i, "1", "bench", "bench", null, null, ps, List.of(new Vulnerability(
                "CVE-2099-" + (10000 + i), null, null, 9.8, List.of(new Remedy(Remedy.Category.VENDOR_FIX, "update", null,
                ids, null)), null)));
    }
}
