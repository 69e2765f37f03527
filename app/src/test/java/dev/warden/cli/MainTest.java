package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.lab.manifest.Manifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs a command line with {@code --home HOME} appended. */
    static Run runIn(java.nio.file.Path home, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        return run(all);
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "lab", "Exit codes");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"lab", "demo", "discover", "assess", "inventory", "remediation", "notify"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("--home");
        }
    }

    @Test
    void unknownCommandOrOptionIsUsageErrorInOneLine() {
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("warden: ").contains("frobnicate");
        assertThat(run("lab", "--no-such-option").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run().code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void badLabFileIsExitThreeWithOneClearLineAndNothingStarted() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "devices:\n  - {name: cam, profile: acme-9000, address: 127.77.9.1}\n");
        Run r = run("lab", "--home", tmp.resolve("h").toString(), "--config", bad.toString(), "--duration", "0");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err().strip()).startsWith("warden: unknown profile 'acme-9000'").doesNotContain("\n");

        Files.writeString(bad, "devices:\n  - {name: cam, profile: linux-host, address: 192.168.1.20}\n");
        r = run("lab", "--home", tmp.resolve("h").toString(), "--config", bad.toString(), "--duration", "0");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("outside 127.0.0.0/8");
    }

    @Test
    void targetsOutsideTheScopeAreRefusedBeforeAnyPacket() {
        String home = tmp.resolve("h").toString();
        Run r = run("discover", "--home", home, "10.0.0.1");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("outside the scope [127.0.0.0/8]: 10.0.0.1; nothing was sent");
        r = run("assess", "--home", home, "--scope", "127.77.9.0/24", "127.77.0.1");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("outside the scope [127.77.9.0/24]");
        assertThat(run("assess", "--home", home).code()).as("neither targets nor --all").isEqualTo(ExitCode.BAD_CONFIG);
    }

    @Test
    void homeDirectoryIsCreatedAndHoldsTheLog() {
        Path home = tmp.resolve("world-a");
        Run r = run("lab", "--home", home.toString(), "--list-profiles");
        assertThat(r.code()).isZero();
        assertThat(home.resolve("logs")).isDirectory();
    }

    @Test
    void labStartsWritesTheManifestAndStops() throws Exception {
        Path cfg = tmp.resolve("lab.yaml");
        Files.writeString(cfg, """
                devices:
                  - {name: host-a, profile: linux-host, address: 127.77.230.1}
                  - {name: host-b, profile: linux-host, address: 127.77.230.2}
                """);
        Path manifest = tmp.resolve("m.json");
        Run r = run("lab", "--home", tmp.resolve("h").toString(), "--config", cfg.toString(),
                "--manifest", manifest.toString(), "--check", "--duration", "0");
        assertThat(r.code()).as(r.err()).isZero();
        Manifest m = Manifest.read(manifest);
        assertThat(m.devices()).extracting(Manifest.Entry::address).containsExactly("127.77.230.1", "127.77.230.2");
        assertThat(m.devices().get(0).ports()).extracting(Manifest.Port::port).containsExactly(22);
    }
}
