package dev.warden.assess;

import dev.warden.scope.Scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.assess.check.CheckCatalog;
import dev.warden.assess.check.CheckLoader;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;
import dev.warden.model.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guard-rails against devices that lie or lock: own tiny hostile servers on 127.77.214.x. */
class GuardRailTest {
    private static final Scope SCOPE = Scope.parse("127.77.214.0/24");
    private static final AssessOptions FAST = AssessOptions.defaults(SCOPE)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));

    /** A login check with two wrong-for-this-server credentials, or a read check, over http. */
    private static String check(String id, String tier) {
        boolean login = tier.equals("login");
        return "id: " + id + "\n"
                + "info: {title: T, severity: high, remediation: R}\n"
                + "tier: " + tier + "\n"
                + "protocol: http\n"
                + "applies-to: {vendors: [Acme]}\n"
                + (login ? "credentials: [{user: admin, password: one}, {user: admin, password: ''}]\n" : "")
                + "steps: [{path: \"/cgi" + (login ? "?usr={{user}}&pwd={{password}}" : "") + "\"}]\n"
                + "matchers: [{type: word, words: ['<result>0</result>']}]\n";
    }

    private static CheckCatalog catalog(Path dir, String... idAndTier) throws IOException {
        for (int i = 0; i < idAndTier.length; i += 2) {
            Path f = dir.resolve("checks/http/acme/" + idAndTier[i] + ".yaml");
            Files.createDirectories(f.getParent());
            Files.writeString(f, check(idAndTier[i], idAndTier[i + 1]));
        }
        return CheckLoader.load(dir);
    }

    private static Device acme(String ip, int port, String name) {
        return new Device(ip, DeviceKind.CAMERA, "Acme", "X1", null, null, 1,
                List.of(new Service(port, Transport.TCP, name, null, null)));
    }

    private static void answer(java.net.Socket s, String body) throws IOException {
        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void atMostThreeLoginAttemptsPerServiceAcrossAllChecks(@TempDir Path dir) throws Exception {
        CheckCatalog cat = catalog(dir, "acme-login-a", "login", "acme-login-b", "login");
        try (HostileServer srv = new HostileServer("127.77.214.1", 8080, (s, me) -> {
            me.readHead(s);
            answer(s, "<CGI_Result><result>-2</result></CGI_Result>");
        })) {
            AssessResult r = new AssessEngine(cat).assess(List.of(acme("127.77.214.1", 8080, "http")), FAST);
            assertThat(srv.requests).hasSize(3).allMatch(l -> l.contains("usr=admin"));
            assertThat(r.findings()).isEmpty();
            assertThat(r.notes()).anyMatch(n -> n.contains("login budget for this service spent"));
        }
    }

    @Test
    void aLockoutSignalStopsEveryFurtherAttempt(@TempDir Path dir) throws Exception {
        CheckCatalog cat = catalog(dir, "acme-login-a", "login", "acme-login-b", "login");
        try (HostileServer srv = new HostileServer("127.77.214.2", 8080, (s, me) -> {
            me.readHead(s);
            answer(s, "<CGI_Result><result>-8</result></CGI_Result>");
        })) {
            AssessResult r = new AssessEngine(cat).assess(List.of(acme("127.77.214.2", 8080, "http")), FAST);
            assertThat(srv.requests).hasSize(1);
            assertThat(r.notes()).anyMatch(n -> n.contains("lockout signal '<result>-8</result>'"));
        }
    }

    @Test
    void nothingOutsideTheScopeIsContacted(@TempDir Path dir) throws Exception {
        CheckCatalog cat = catalog(dir, "acme-read", "read");
        try (HostileServer srv = new HostileServer("127.77.214.9", 8080, (s, me) -> answer(s, "<result>0</result>"))) {
            AssessResult r = new AssessEngine(cat).assess(List.of(acme("127.77.214.9", 8080, "http")),
                    AssessOptions.defaults(Scope.parse("127.77.214.0/29")));
            assertThat(srv.connections.get()).isZero();
            assertThat(r.findings()).isEmpty();
            assertThat(r.notes()).containsExactly("127.77.214.9: outside the scan's scope, not assessed");
        }
    }

    @Test
    void lyingDevicesCostATimeoutAndANote(@TempDir Path dir) throws Exception {
        CheckCatalog cat = catalog(dir, "acme-read", "read");
        try (HostileServer garbage = new HostileServer("127.77.214.3", 8080, (s, me) -> {
                 me.readHead(s);
                 s.getOutputStream().write("\u0000\u0001\u00ffSSH-2.0-nope\r\n".getBytes(StandardCharsets.ISO_8859_1));
             });
             HostileServer endless = new HostileServer("127.77.214.4", 8080, (s, me) -> {
                 me.readHead(s);
                 s.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                 byte[] junk = new byte[8192];
                 java.util.Arrays.fill(junk, (byte) 'A');
                 while (true) {
                     s.getOutputStream().write(junk);
                 }
             });
             HostileServer silent = new HostileServer("127.77.214.5", 8080, (s, me) -> Thread.sleep(30_000));
             HostileServer notTls = new HostileServer("127.77.214.6", 8443, (s, me) ->
                     s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
             HostileServer endlessHeaders = new HostileServer("127.77.214.7", 8080, (s, me) -> {
                 me.readHead(s);
                 s.getOutputStream().write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
                 while (true) {
                     s.getOutputStream().write("X-Junk: aaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.ISO_8859_1));
                 }
             })) {
            long start = System.nanoTime();
            AssessResult r = new AssessEngine(cat).assess(List.of(
                    acme("127.77.214.3", 8080, "http"), acme("127.77.214.4", 8080, "http"),
                    acme("127.77.214.5", 8080, "http"), acme("127.77.214.6", 8443, "https"),
                    acme("127.77.214.7", 8080, "http")), FAST);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(r.findings()).isEmpty();
            assertThat(r.notes()).anyMatch(n -> n.startsWith("127.77.214.3:8080 acme-read: not an HTTP response: \\x00\\x01"));
            assertThat(r.notes()).anyMatch(n -> n.startsWith("127.77.214.5:8080 acme-read: timed out"));
            assertThat(r.notes()).anyMatch(n -> n.startsWith("127.77.214.6:8443 acme-read: TLS failed"));
            assertThat(r.notes()).anyMatch(n -> n.startsWith("127.77.214.7:8080 acme-read: more than 100 header lines"));
            assertThat(endless.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void aTelnetLoginThatNeverAnswersCostsATimeoutAndANote() throws Exception {
        try (HostileServer telnet = new HostileServer("127.77.214.8", 23, (s, me) -> {
            s.getOutputStream().write("\u00ff\u00fd\u0001LocalHost login: ".getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.getInputStream().read(new byte[256]);
            Thread.sleep(30_000);
        })) {
            Device dvr = new Device("127.77.214.8", DeviceKind.DVR, "XiongMai", "AHB7008T-MH", null, null, 1,
                    List.of(new Service(23, Transport.TCP, "telnet", null, null)));
            AssessResult r = new AssessEngine(CheckLoader.load()).assess(List.of(dvr), FAST);
            assertThat(r.findings()).extracting(f -> f.check()).containsExactly("telnet-service-exposed");
            assertThat(r.notes()).anyMatch(n -> n.equals("127.77.214.8:23 xiongmai-telnet-hardcoded-root: no password prompt within the read timeout"));
        }
    }
}
