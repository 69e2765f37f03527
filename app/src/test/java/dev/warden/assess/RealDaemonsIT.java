package dev.warden.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.cli.Main;
import dev.warden.inventory.Findings;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.KnownDevice;
import dev.warden.inventory.KnownFinding;
import dev.warden.model.Finding;
import dev.warden.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warden against real daemons instead of the lab's simulations: Debian's vsftpd taking anonymous logins on
 * 127.77.250.1, a vsftpd that refuses them on 127.77.250.3, and inetutils telnetd under openbsd-inetd on
 * 127.77.250.2, discovered and assessed by {@code warden assess} itself into an SQLite store in a temp home.
 * Skips, saying why, when not root or a daemon is not installed ({@code .ci/run} installs them).
 */
class RealDaemonsIT {
    private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");
    private static final Path INETD = Path.of("/usr/sbin/inetd");
    private static final Path TELNETD = Path.of("/usr/sbin/telnetd");
    private static final String FTP_OPEN = "127.77.250.1";
    private static final String TELNET = "127.77.250.2";
    private static final String FTP_CLOSED = "127.77.250.3";
    private static final Duration START = Duration.ofSeconds(10);

    @TempDir
    static Path tmp;

    private static final List<Daemon> daemons = new ArrayList<>();
    private static String db;
    private static int exitCode;
    private static String out;
    private static String err;

    @BeforeAll
    static void startDaemonsAndAssess() throws Exception {
        assumeTrue((int) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
                "RealDaemonsIT skipped: vsftpd and inetd need root to bind ports 21 and 23");
        for (Path p : List.of(VSFTPD, INETD, TELNETD)) {
            assumeTrue(Files.isExecutable(p), "RealDaemonsIT skipped: " + p + " is not installed (.ci/run installs "
                    + "vsftpd, inetutils-telnetd and openbsd-inetd)");
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        daemons.add(Daemon.start("vsftpd-anonymous", tmp, List.of(VSFTPD.toString(),
                write("vsftpd-anonymous.conf", vsftpd(FTP_OPEN, empty, "anonymous_enable=YES\nlocal_enable=NO\n"))))
                .awaitPort(FTP_OPEN, 21, START));
        daemons.add(Daemon.start("vsftpd-local", tmp, List.of(VSFTPD.toString(),
                write("vsftpd-local.conf", vsftpd(FTP_CLOSED, empty, "anonymous_enable=NO\nlocal_enable=YES\n"))))
                .awaitPort(FTP_CLOSED, 21, START));
        daemons.add(Daemon.start("inetd", tmp, List.of(INETD.toString(), "-d",
                write("inetd.conf", TELNET + ":23 stream tcp nowait root " + TELNETD + " telnetd\n")))
                .awaitPort(TELNET, 23, START));

        db = "jdbc:sqlite:" + tmp.resolve("home/warden.db");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exitCode = Main.run(new String[] {"assess", "--home", tmp.resolve("home").toString(), "--db", db,
            "--scope", "127.77.250.0/24", FTP_OPEN + "-3"}, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
    }

    @AfterAll
    static void stopDaemons() {
        daemons.forEach(Daemon::close);
    }

    /** A vsftpd config for one address in the foreground, without the sandbox tricks a test does not need. */
    private static String vsftpd(String ip, Path empty, String access) {
        return """
                listen=YES
                listen_ipv6=NO
                listen_address=%s
                background=NO
                write_enable=NO
                pasv_enable=NO
                seccomp_sandbox=NO
                pam_service_name=vsftpd
                secure_chroot_dir=%s
                anon_root=%s
                %s""".formatted(ip, empty, empty, access);
    }

    private static String write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text).toString();
    }

    private static List<Finding> findings() {
        try (Store store = Store.open(db)) {
            return new Findings(store).open().stream().map(KnownFinding::finding).toList();
        }
    }

    @Test
    void theCliDiscoversAndRecordsAllThreeDaemons() {
        assertThat(exitCode).as("exit code; stderr %s", err).isZero();
        try (Store store = Store.open(db)) {
            assertThat(new Inventory(store).devices()).extracting(d -> d.device().ip() + " " + d.device().services().get(0).name())
                    .containsExactlyInAnyOrder(FTP_OPEN + " ftp", TELNET + " telnet", FTP_CLOSED + " ftp");
            assertThat(new Inventory(store).devices()).allMatch(KnownDevice::present);
        }
    }

    @Test
    void vsftpdWithAnonymousLoginGetsTheFindingAndTheOneRefusingItDoesNot() {
        assertThat(findings()).filteredOn(f -> f.check().equals("ftp-anonymous-login"))
                .extracting(f -> f.ip() + ":" + f.port()).containsExactly(FTP_OPEN + ":21");
        assertThat(findings()).filteredOn(f -> f.ip().equals(FTP_CLOSED)).as("vsftpd refusing anonymous").isEmpty();
        assertThat(out).contains("ftp-anonymous-login").doesNotContain("PASS anonymous");
    }

    @Test
    void inetutilsTelnetdGetsTheCleartextFindingOnce() {
        assertThat(findings()).filteredOn(f -> f.ip().equals(TELNET)).extracting(f -> f.check() + "@" + f.port())
                .as("a host of unknown kind gets the generic telnet check, not the camera one")
                .containsExactly("telnet-cleartext-service@23");
    }
}
