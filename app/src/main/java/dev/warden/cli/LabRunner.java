package dev.warden.cli;

import dev.warden.lab.Lab;
import dev.warden.lab.LabProbe;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.manifest.Manifest;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/** Starting a lab, describing it and keeping it up: shared by {@code warden lab} and {@code warden demo}. */
final class LabRunner {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LabRunner() {
    }

    static Lab start(ProfileCatalog catalog, List<SimDevice> devices, int threads, PrintWriter out, boolean quiet) {
        long t0 = System.nanoTime();
        Lab lab = Lab.start(catalog, devices, threads);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (!quiet) {
            out.printf("lab up: %d devices, %d listeners on 127.77.x.y in %d ms (%d event-loop threads)%n",
                    devices.size(), lab.listeners(), ms, threads);
        }
        return lab;
    }

    static void writeManifest(Lab lab, Path file, PrintWriter out, boolean quiet) {
        try {
            lab.manifest().write(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write manifest " + file + ": " + e.getMessage(), e);
        }
        if (!quiet) {
            out.println("manifest: " + file.toAbsolutePath());
        }
    }

    static boolean check(ProfileCatalog catalog, Lab lab, PrintWriter out, PrintWriter err) {
        LabProbe.Result r = LabProbe.check(catalog, lab.devices(), 2000, 256);
        out.printf("check: %d/%d services on %d devices answer (%d TCP, %d UDP)%n",
                r.tcpPorts() + r.udpPorts() - r.failures().size(), r.tcpPorts() + r.udpPorts(), r.devices(),
                r.tcpPorts(), r.udpPorts());
        for (LabProbe.Failure f : r.failures().subList(0, Math.min(20, r.failures().size()))) {
            err.printf("warden: %s %s:%d does not answer: %s%n", f.device(), f.address(), f.port(), f.reason());
        }
        return r.ok();
    }

    /** A table of the devices (a profile summary when there are many), or one JSON object per device. */
    static void describe(Lab lab, PrintWriter out, boolean json) {
        Manifest m = lab.manifest();
        if (json) {
            for (Manifest.Entry e : m.devices()) {
                out.println(JSON.writeValueAsString(e));
            }
            return;
        }
        if (m.devices().size() <= 40) {
            Table t = new Table("NAME", "ADDRESS", "VENDOR", "MODEL", "FIRMWARE", "PORTS", "PLANTED WEAKNESSES");
            for (SimDevice d : lab.devices()) {
                t.row(d.name(), d.ip(), d.profile().vendor(), d.profile().model(), d.firmware().version(),
                        ports(d), d.weaknesses().isEmpty() ? "none" : String.join(",", d.weaknesses()));
            }
            t.print(out);
        } else {
            Map<String, int[]> byProfile = new TreeMap<>();
            for (SimDevice d : lab.devices()) {
                int[] c = byProfile.computeIfAbsent(d.profile().id(), k -> new int[2]);
                c[0]++;
                c[1] += d.weaknesses().isEmpty() ? 0 : 1;
            }
            Table t = new Table("PROFILE", "DEVICES", "WITH WEAKNESSES");
            byProfile.forEach((k, v) -> t.row(k, v[0], v[1]));
            t.print(out);
        }
    }

    static String ports(SimDevice d) {
        StringBuilder sb = new StringBuilder();
        for (ServiceSpec s : d.services()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(s.port()).append('/').append(s.protocol()).append(s.tls() ? "+tls" : "");
        }
        return sb.toString();
    }

    /** Keeps the lab up for the given seconds, or until Ctrl-C when negative. */
    static void await(Lab lab, long seconds, PrintWriter out, boolean quiet) throws InterruptedException {
        if (seconds == 0) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "warden-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!quiet) {
            out.println(seconds < 0 ? "running; press Ctrl-C to stop" : "running for " + seconds + " s");
        }
        if (seconds < 0) {
            stop.await();
        } else {
            stop.await(seconds, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
