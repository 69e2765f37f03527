package dev.warden.lab.proto.telnet;

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

class TelnetServerTest {
    private static final String VULNERABLE = "127.77.243.1";
    private static final String PATCHED = "127.77.243.2";
    private static final String LOCKING = "127.77.243.3";
    private static final String PROMPT = "LocalHost login: ";
    private static final String IAC_DO_NAWS_WILL_ECHO_SGA = "\u00ff\u00fd\u0001\u00ff\u00fd\u001f\u00ff\u00fb\u0001\u00ff\u00fb\u0003";

    private static Lab lab;

    @BeforeAll
    static void start() {
        ProfileCatalog cat = ProfileCatalog.load(List.of(Path.of("src/test/resources/profiles-textproto")));
        lab = Lab.start(cat, new FleetBuilder(cat).build(List.of(
                new DeviceEntry("dvr", "test-textproto-dvr", VULNERABLE, null, null, null, List.of()),
                new DeviceEntry("dvr-patched", "test-textproto-dvr", PATCHED, "patched", null, null, List.of()),
                new DeviceEntry("dvr-locking", "test-textproto-locked", LOCKING, null, null, null, List.of()))), 1);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static TextClient connect(String ip) throws IOException {
        TextClient c = new TextClient(ip, 23);
        c.readUntil(ip.equals(LOCKING) ? "login: " : PROMPT);
        return c;
    }

    /** Logs in and returns what the server sent from the user name on. */
    private static String login(TextClient c, String user, String password, String expect) throws IOException {
        c.send(user + "\r\n");
        String sent = c.readUntil("Password: ");
        c.send(password + "\r\n");
        return sent + c.readUntil(expect);
    }

    @Test
    void greetsWithBusyBoxNegotiationThenBannerAndLoginPrompt() throws IOException {
        try (TextClient c = new TextClient(VULNERABLE, 23)) {
            String greeting = c.readUntil(PROMPT);
            assertThat(greeting).isEqualTo(IAC_DO_NAWS_WILL_ECHO_SGA + "\r\r\n"
                    + "Test DVR V4.02.R11.A6380133.10002.140200.00000\r\n" + PROMPT);
        }
    }

    @Test
    void miraiCredentialReachesTheShellOnVulnerableFirmware() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            String got = login(c, "root", "xc3511", "\r\n# ");
            assertThat(got).startsWith("root\r\nPassword: ") // name echoed
                    .doesNotContain("xc3511") // password not
                    .contains("BusyBox v1.12.1").doesNotContain("Login incorrect");
        }
    }

    @Test
    void sameCredentialFailsOnPatchedFirmware() throws IOException {
        try (TextClient c = connect(PATCHED)) {
            assertThat(login(c, "root", "xc3511", PROMPT)).endsWith("Password: \r\n\r\nLogin incorrect\r\n" + PROMPT);
        }
    }

    @Test
    void thirdFailureClosesTheConnection() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            login(c, "root", "wrong1", PROMPT);
            login(c, "admin", "wrong2", PROMPT);
            c.send("root\r\n");
            c.readUntil("Password: ");
            c.send("wrong3\r\n");
            assertThat(c.readToEnd()).isEqualTo("\r\n\r\nLogin incorrect\r\n");
        }
    }

    @Test
    void lockedOutClientIsRefusedEvenWithTheRightPassword() throws IOException {
        try (TextClient c = connect(LOCKING)) { // the credential works before the lock
            login(c, "root", "xc3511", "# ");
            c.send("exit\r\n");
            c.readToEnd();
        }
        try (TextClient c = connect(LOCKING)) {
            login(c, "root", "bad", "login: ");
            login(c, "root", "bad", "login: "); // second failure: the profile locks the address after 2
        }
        try (TextClient c = connect(LOCKING)) { // a new connection is no way round it
            assertThat(login(c, "root", "xc3511", "login: ")).endsWith("\r\nLogin incorrect\r\nlogin: ");
        }
    }

    @Test
    void shellRunsNothing() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            login(c, "root", "xc3511", "\r\n# ");
            c.send("cat /etc/passwd\r\n");
            assertThat(c.readUntil("# ")).isEqualTo("cat /etc/passwd\r\n-sh: cat: not found\r\n# ");
            c.send("/bin/busybox WARDEN\r\n");
            assertThat(c.readUntil("# ")).endsWith("WARDEN: applet not found\r\n# ");
            c.send("\r\n");
            assertThat(c.readUntil("# ")).isEqualTo("\r\n# ");
            c.send("exit\r\n");
            assertThat(c.readToEnd()).isEqualTo("exit\r\n");
        }
    }

    @Test
    void clientTelnetCommandsAreStrippedFromInput() throws IOException {
        try (TextClient c = connect(VULNERABLE)) {
            c.send(bytes(0xFF, 0xFB, 0x1F, 0xFF, 0xFA, 0x1F, 0, 80, 0, 24, 0xFF, 0xF0, // WILL NAWS, SB NAWS 80x24 SE
                    'r', 'o', 0xFF, 0xFD, 0x03, 'o', 't', '\r', 0)); // DO SGA inside the name, CR NUL
            assertThat(c.readUntil("Password: ")).isEqualTo("root\r\nPassword: ");
            c.send(bytes('x', 'c', '3', 0xFF, 0xF1, '5', '1', '1', '\n')); // IAC NOP inside the password, bare LF
            assertThat(c.readUntil("# ")).doesNotContain("Login incorrect");
        }
    }

    @Test
    void hugeLineIsTruncatedAndGarbageBreaksNothing() throws IOException {
        try (TextClient c = connect(VULNERABLE); TextClient other = connect(VULNERABLE)) {
            c.send("A".repeat(100_000) + "\r\n");
            String echoed = c.readUntil("Password: ");
            assertThat(echoed).isEqualTo("A".repeat(256) + "\r\nPassword: ");
            byte[] garbage = new byte[64 * 1024];
            new Random(42).nextBytes(garbage);
            c.send(garbage);
            assertThat(login(other, "root", "xc3511", "# ")).doesNotContain("Login incorrect");
        }
    }

    @Test
    void idleLoginTimesOut() throws IOException {
        try (TextClient c = new TextClient(VULNERABLE, 2323)) {
            c.readUntil("login: ");
            assertThat(c.readToEnd()).isEqualTo("\r\nLogin timed out after 1 seconds\r\n");
        }
    }

    @Test
    void unknownOrBadOptionsAreRejected() {
        TelnetServer server = new TelnetServer();
        assertThatThrownBy(() -> server.validate("p", new ServiceSpec(23, "telnet", false, null, Map.of("prompt", "x"))))
                .isInstanceOf(LabException.class).hasMessageContaining("'prompt'");
        assertThatThrownBy(() -> server.validate("p", new ServiceSpec(23, "telnet", false, null, Map.of("idle-seconds", 0))))
                .isInstanceOf(LabException.class).hasMessageContaining("idle-seconds");
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
