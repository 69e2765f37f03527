package dev.warden.lab.proto.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.lab.Lab;
import dev.warden.lab.LabException;
import dev.warden.lab.config.DeviceEntry;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.net.TextClient;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.ServiceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FtpServerTest {
    private static final String VULNERABLE = "127.77.243.11";
    private static final String ANONYMOUS = "127.77.243.12";
    private static final String PATCHED = "127.77.243.13";
    private static final int PORT = 50021;

    private static Lab lab;

    @BeforeAll
    static void start() {
        ProfileCatalog cat = ProfileCatalog.load(List.of(Path.of("src/test/resources/profiles-textproto")));
        lab = Lab.start(cat, new FleetBuilder(cat).build(List.of(
                new DeviceEntry("cam", "test-textproto-cam", VULNERABLE, null, null, null, List.of()),
                new DeviceEntry("cam-anon", "test-textproto-cam", ANONYMOUS, "anonymous", null, null, List.of()),
                new DeviceEntry("cam-patched", "test-textproto-cam", PATCHED, "patched", null, null, List.of()))), 1);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static TextClient connect(String ip) throws IOException {
        TextClient c = new TextClient(ip, PORT);
        c.readUntil("\r\n");
        return c;
    }

    /** Sends one command and returns its (single-line) reply without CR LF. */
    private static String ask(TextClient c, String command) throws IOException {
        c.send(command + "\r\n");
        String reply = c.readUntil("\r\n");
        return reply.substring(0, reply.length() - 2);
    }

    private static String login(TextClient c, String user, String password) throws IOException {
        assertThat(ask(c, "USER " + user)).isEqualTo("331 Please specify the password.");
        return ask(c, "PASS " + password);
    }

    @Test
    void greetsWithTheRenderedBanner() throws IOException {
        try (TextClient c = new TextClient(VULNERABLE, PORT)) {
            assertThat(c.readUntil("\r\n")).isEqualTo("220 Foscam C2 FTP server ready\r\n");
        }
    }

    @Test
    void hardCodedFtpuser1WithBlankPasswordLogsInOnVulnerableFirmware() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            assertThat(login(c, "ftpuser1", "")).isEqualTo("230 Login successful.");
            assertThat(ask(c, "SYST")).isEqualTo("215 UNIX Type: L8");
            assertThat(ask(c, "PWD")).isEqualTo("257 \"/\" is the current directory");
            assertThat(ask(c, "type i")).isEqualTo("200 Switching to Binary mode.");
            assertThat(ask(c, "CWD /mnt/sd")).isEqualTo("550 Failed to change directory.");
            assertThat(ask(c, "PASV")).isEqualTo("550 Permission denied.");
            assertThat(ask(c, "RETR record.avi")).isEqualTo("425 Use PORT or PASV first.");
            assertThat(ask(c, "XYZZY")).isEqualTo("500 Unknown command.");
            assertThat(ask(c, "QUIT")).isEqualTo("221 Goodbye.");
            assertThat(c.readToEnd()).isEmpty();
        }
    }

    @Test
    void ftpuser1IsRefusedOnPatchedFirmware() throws IOException {
        try (TextClient c = connect(PATCHED)) {
            assertThat(login(c, "ftpuser1", "")).isEqualTo("530 Login incorrect.");
            assertThat(ask(c, "PWD")).isEqualTo("530 Please login with USER and PASS.");
        }
    }

    @Test
    void anonymousOnlyWhereFtpAnonymousIsPlanted() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            assertThat(login(c, "anonymous", "warden@")).isEqualTo("530 Login incorrect.");
        }
        try (TextClient c = connect(ANONYMOUS)) {
            assertThat(login(c, "ftpuser1", "")).isEqualTo("530 Login incorrect.");
            assertThat(login(c, "ftp", "warden@")).isEqualTo("230 Login successful.");
        }
    }

    @Test
    void commandsBeforeLoginAreRefused() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            assertThat(ask(c, "PASS ")).isEqualTo("503 Login with USER first.");
            for (String cmd : List.of("PWD", "LIST", "CWD /", "AUTH TLS", "RETR x", "BOGUS")) {
                assertThat(ask(c, cmd)).as(cmd).isEqualTo("530 Please login with USER and PASS.");
            }
            assertThat(ask(c, "SYST")).isEqualTo("215 UNIX Type: L8");
            assertThat(ask(c, "NOOP")).isEqualTo("200 NOOP ok.");
            c.send("FEAT\r\n");
            assertThat(c.readUntil("211 End\r\n")).startsWith("211-Features:\r\n").contains(" UTF8\r\n")
                    .doesNotContain("PASV");
        }
    }

    @Test
    void thirdWrongPasswordClosesTheConnection() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            assertThat(login(c, "ftpuser1", "a")).isEqualTo("530 Login incorrect.");
            assertThat(login(c, "admin", "b")).isEqualTo("530 Login incorrect.");
            assertThat(ask(c, "USER root")).startsWith("331");
            c.send("PASS c\r\n");
            assertThat(c.readToEnd()).isEqualTo("530 Login incorrect.\r\n");
        }
    }

    @Test
    void hugeLineAndGarbageBreakNothing() throws IOException {
        try (TextClient c = connect(VULNERABLE); TextClient other = connect(VULNERABLE)) {
            assertThat(ask(c, "A".repeat(100_000))).isEqualTo("530 Please login with USER and PASS.");
            assertThat(ask(c, "NOOP")).isEqualTo("200 NOOP ok.");
            byte[] garbage = new byte[64 * 1024];
            new Random(7).nextBytes(garbage);
            c.send(garbage);
            assertThat(login(other, "ftpuser1", "")).isEqualTo("230 Login successful.");
        }
    }

    @Test
    void idleConnectionTimesOut() throws IOException {
        try (TextClient c = new TextClient(VULNERABLE, 2121)) {
            assertThat(c.readUntil("\r\n")).isEqualTo("220 FTP server ready.\r\n");
            assertThat(c.readToEnd()).isEqualTo("421 Timeout.\r\n");
        }
    }

    @Test
    void multiLineBannerGivesAContinuedGreeting() {
        ServiceSpec spec = new ServiceSpec(21, "ftp", false, null, Map.of("banner", "Welcome\nto the camera"));
        assertThat(FtpSettings.of("p", spec, null).greeting()).isEqualTo("220-Welcome\r\n220 to the camera\r\n");
    }

    @Test
    void unknownOptionsAreRejected() {
        assertThatThrownBy(() -> new FtpServer().validate("p",
                new ServiceSpec(21, "ftp", false, null, Map.of("style", "vsftpd"))))
                .isInstanceOf(LabException.class).hasMessageContaining("'style'");
    }
}
