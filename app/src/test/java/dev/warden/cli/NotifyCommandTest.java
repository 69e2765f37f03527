package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.cli.MainTest.Run;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.Remedy;
import dev.warden.model.Severity;
import dev.warden.model.Vulnerability;
import dev.warden.notify.Notifier;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warden owners}, {@code sites} and {@code notify} as a user runs them: bad input is refused without echoing a
 * secret, and {@code warden notify} delivers to a real SMTP server (GreenMail on 127.77.180.5) configured in the
 * home's notify.yaml with the password in a file.
 */
class NotifyCommandTest {
    private static final String HOST = "127.77.180.5";
    private static final String PASSWORD = "cli-Pa55-never-shown";
    private static final ServerSetup SMTP = new ServerSetup(3025, HOST, ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("warden@example.org", "warden", PASSWORD));

    @TempDir
    Path home;

    private Run warden(String... args) {
        return MainTest.runIn(home, args);
    }

    @Test
    void badOwnersAndSitesAreRefusedWithExitThreeAndNoSecretInTheMessage() {
        Run secret = warden("owners", "add", "eve", "--webhook", "https://127.77.180.9/h", "--webhook-secret", "hunter2-secret");
        assertThat(secret.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(secret.err()).contains("env:NAME or file:PATH").doesNotContain("hunter2-secret");
        assertThat(warden("owners", "add", "eve").err()).contains("needs an email or a webhook URL");
        assertThat(warden("sites", "add", "shop", "127.77.300.0/24").code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(warden("owners", "assign", "nobody", "--ip", "127.77.180.30").err()).contains("no owner named nobody");
        assertThat(warden("owners").code()).isEqualTo(ExitCode.USAGE);
        assertThat(warden("sites", "add", "shop", "127.77.180.0/24", "--json").out().strip())
                .isEqualTo("{\"name\":\"shop\",\"cidrs\":[\"127.77.180.0/24\"]}");
    }

    @Test
    void notifyDeliversThroughTheConfiguredServerAndListsTheOutbox() throws Exception {
        Path pw = home.resolve("smtp.password");
        Files.writeString(pw, PASSWORD + "\n");
        Files.writeString(home.resolve("notify.yaml"), "smtp:\n  host: " + HOST + "\n  port: " + SMTP.getPort()
                + "\n  security: none\n  user: warden\n  password: file:" + pw + "\n  from: warden@example.org\n");
        assertThat(warden("owners", "add", "alice", "--email", "alice@example.org").code()).isZero();
        assertThat(warden("owners", "assign", "alice", "--ip", "127.77.180.30").code()).isZero();
        Remedy workaround = new Remedy(Remedy.Category.WORKAROUND, "Turn off UPnP port forwarding on the router.", null, Set.of("P1"), null);
        Advisory a = new Advisory("WARDEN-TEST-2", "1", "UPnP exposure", "Warden", Instant.now(), null, List.of(),
                List.of(new Vulnerability(null, "Exposed by UPnP", Severity.HIGH, null, List.of(workaround), null)));
        try (Store store = Store.open("jdbc:sqlite:" + home.resolve("warden.db"))) {
            new Notifier(store, DuePolicy.load(), Clock.systemUTC()).onMatches(a, List.of(new AdvisoryMatch("WARDEN-TEST-2", "1",
                    null, "127.77.180.30", "P1", 0.8, List.of("port forward"), Severity.HIGH, workaround)));
        }
        Run r = warden("notify", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"sent\":1", "\"errors\":[]");
        assertThat(greenMail.getReceivedMessages()).singleElement().satisfies(m ->
                assertThat(GreenMailUtil.getBody(m)).contains("Turn off UPnP port forwarding on the router.", "127.77.180.30"));
        Run list = warden("notify", "--list");
        assertThat(list.out()).contains("sent", "email", "alice@example.org", "WARDEN-TEST-2").doesNotContain(PASSWORD);
        assertThat(warden("notify", "--json").out()).contains("\"sent\":0");
        Files.writeString(home.resolve("notify.yaml"), "smtp:\n  host: " + HOST + "\n  port: 25\n  password: " + PASSWORD + "\n");
        Run bad = warden("notify");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(bad.err()).contains("notify.yaml").doesNotContain(PASSWORD);
    }
}
