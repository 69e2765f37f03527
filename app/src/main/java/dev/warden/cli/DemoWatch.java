package dev.warden.cli;

import dev.warden.lab.traffic.Scenario;
import dev.warden.lab.traffic.TrafficSynth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's watch part: writes the synthetic demo capture (one camera turned bot: C2, scan, SYN flood) and its truth
 * into the demo folder, then runs exactly what a user would: {@code warden watch}, {@code warden incidents} and
 * {@code warden eval} on it.
 */
final class DemoWatch {
    private DemoWatch() {
    }

    static int run(Path home, Path demoDir, PrintWriter out, PrintWriter err) throws IOException {
        Files.createDirectories(demoDir);
        TrafficSynth.Written w = TrafficSynth.write(demoDir.resolve("demo" + TrafficSynth.SUFFIX), Scenario.demo());
        out.printf("capture %s (%d packets, SYNTHETIC) and its truth %s%n", w.capture(), w.packets(), w.truthFile());
        String h = home.toString();
        out.println();
        out.println("$ warden watch --pcap " + w.capture().getFileName());
        int code = Main.run(new String[] {"watch", "--pcap", w.capture().toString(), "--home", h}, out, err);
        if (code == ExitCode.OK) {
            out.println();
            out.println("$ warden incidents");
            code = Main.run(new String[] {"incidents", "--home", h}, out, err);
        }
        if (code == ExitCode.OK) {
            out.println();
            out.println("$ warden eval --truth " + w.truthFile().getFileName() + " --pcap " + w.capture().getFileName());
            code = Main.run(new String[] {"eval", "--truth", w.truthFile().toString(), "--pcap", w.capture().toString(),
                "--home", h}, out, err);
        }
        return code;
    }
}
