package dev.warden.watch.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture through libpcap inside a network namespace this test creates ({@code wdn-live-*}, deleted after), so
 * the capture sees only the test's own traffic: a child {@code warden watch --iface lo} runs in the namespace while a
 * shell there opens 70 TCP connections to closed telnet ports and sends UDP datagrams; the BPF filter {@code tcp}
 * must keep exactly the 140 TCP frames (SYN, RST-ACK each) and the sweep must be a scan alert. Skipped, saying why,
 * when not root, without {@code ip}, or without libpcap.
 */
class LiveCaptureTest {
    private static final int CONNECTS = 70;

    @TempDir
    Path dir;

    private static boolean root() {
        return "0".equals(System.getenv("EUID")) || Files.isWritable(Path.of("/var/run")) && isUid0();
    }

    private static boolean isUid0() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && out.equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path ip() {
        for (String d : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(d, "ip"))) {
                return Path.of(d, "ip");
            }
        }
        return null;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    @Test
    void captureInANamespaceDecodesFiltersAndFindsTheSweep() throws Exception {
        Path ip = ip();
        assumeTrue(ip != null && root(), "skipped: live capture needs root and iproute2's ip to create a network "
                + "namespace");
        try {
            Libpcap.load();
        } catch (CaptureException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
        String ns = "wdn-live-" + ProcessHandle.current().pid();
        assertThat(run(ip.toString(), "netns", "add", ns)).isZero();
        try {
            assertThat(run(ip.toString(), "-n", ns, "link", "set", "lo", "up")).isZero();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process watch = new ProcessBuilder(ip.toString(), "netns", "exec", ns, java,
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "dev.warden.cli.Main", "watch", "--home", dir.resolve("home").toString(), "--iface", "lo",
                    "--filter", "tcp", "--local", "127.0.0.0/8", "--duration", "8",
                    "--max-packets", String.valueOf(2 * CONNECTS))
                    .redirectError(dir.resolve("stderr").toFile()).start();
            Thread.ofVirtual().start(() -> {   // a capture that never stops fails the test instead of hanging it
                try {
                    if (!watch.waitFor(40, TimeUnit.SECONDS)) {
                        watch.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    watch.destroyForcibly();
                }
            });
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = r.readLine();
                assertThat(first).as(Files.readString(dir.resolve("stderr"))).startsWith("capturing on lo");
                // telnet to closed ports on 127.0.0.1..70 (each a SYN and a RST-ACK), and UDP the filter must drop
                String traffic = "for i in $(seq 1 " + CONNECTS + "); do (exec 3<>/dev/tcp/127.0.0.$i/23) 2>/dev/null;"
                        + " echo x > /dev/udp/127.0.0.1/5353; done";
                assertThat(run(ip.toString(), "netns", "exec", ns, "bash", "-c", traffic)).isNotNegative();
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            }
            assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String text = String.join("\n", out);
            System.out.println(text);
            assertThat(watch.exitValue()).as(text + Files.readString(dir.resolve("stderr"))).isZero();
            assertThat(text).contains(2 * CONNECTS + " frames captured (link type 1)")
                    .contains("0 malformed")
                    .containsPattern("1 alerts; " + CONNECTS + " flows from " + 2 * CONNECTS + " packets");
            assertThat(out).anySatisfy(l -> assertThat(l).contains("scan").contains("127.0.0.1")
                    .contains("SYNs to 64 distinct addresses on port 23"));
        } finally {
            run(ip.toString(), "netns", "delete", ns);
        }
    }

    @Test
    void anInvalidFilterOrInterfaceIsAClearError() {
        try {
            Libpcap.load();
        } catch (CaptureException e) {
            assumeTrue(false, "skipped: " + e.getMessage());
        }
        assertThatThrownBy(() -> LiveCapture.open("wdn-none0", null)).isInstanceOf(CaptureException.class)
                .hasMessageMatching("(no interface wdn-none0|permission denied).*");
        assumeTrue(isUid0(), "skipped: compiling a filter needs an activated capture, which needs root");
        assertThatThrownBy(() -> LiveCapture.open("lo", "tcp port nonsense")).isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("invalid capture filter 'tcp port nonsense': ");
    }

    /** A quiet interface (a filter nothing matches) still stops at the duration: the read never blocks for good. */
    @Test
    void aQuietCaptureStopsOnTime() throws Exception {
        assumeTrue(isUid0(), "skipped: capturing needs root");
        try (LiveCapture c = LiveCapture.open("lo", "udp and host 127.77.160.99 and port 9")) {
            long start = System.nanoTime();
            LiveCapture.Summary s = c.run(new WatchPipeline(List.of(), FlowTable.Config.defaults(), a -> { }),
                    () -> false, 0, 300);
            assertThat(s.captured()).isZero();
            assertThat(s.linkType()).isEqualTo(1);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        }
    }
}
