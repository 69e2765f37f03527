package dev.warden.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Advisory;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email through a real SMTP server: GreenMail in-process on 127.77.180.3, plain SMTP and SMTPS, both with AUTH.
 * (GreenMail does not offer STARTTLS; the STARTTLS-required setting is Angus Mail's and is exercised only in
 * configuration.)
 */
class EmailDeliveryTest {
    private static final String HOST = "127.77.180.3";
    private static final String PASSWORD = "mail-Pa55-not-for-output";
    private static final ServerSetup SMTP = new ServerSetup(3025, HOST, ServerSetup.PROTOCOL_SMTP);
    private static final ServerSetup SMTPS = new ServerSetup(3465, HOST, ServerSetup.PROTOCOL_SMTPS);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {SMTP, SMTPS})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("warden@example.org", "warden", PASSWORD));

    @TempDir
    Path tmp;
    Store store;
    TestClock clock = new TestClock(NotifyContract.T0);

    @BeforeEach
    void setUp() {
        store = Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
        Scan scan = Scan.of(ScanKind.DISCOVER, HOST, clock.millis(), clock.millis());
        new Inventory(store).recordDiscovery(scan, List.of(NotifyContract.camera(NotifyContract.CAM)), ip -> true);
        Owners owners = new Owners(store);
        owners.addOwner(new Owner("alice", "alice@example.org", null, null, false));
        owners.assignIp("alice", NotifyContract.CAM);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Deliverer deliverer(SmtpSettings.Security security, int port, String password) {
        String yaml = "smtp:\n  host: " + HOST + "\n  port: " + port + "\n  security: " + security.name().toLowerCase()
                + "\n  user: warden\n  password: env:SMTP_PASSWORD\n  from: warden@example.org\n  ssl-trust: " + HOST + "\n";
        SmtpSettings settings = SmtpSettings.parse("notify.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Sender smtp = new SmtpSender(settings, Duration.ofSeconds(5), Map.of("SMTP_PASSWORD", password)::get);
        return new Deliverer(store, List.of(smtp), new Renderer(), DeliveryPolicy.load(), clock);
    }

    private void notifyAdvisory() {
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        new Notifier(store, DuePolicy.load(), clock).onMatches(a, Fixtures.matches(a, NotifyContract.CAM));
    }

    @Test
    void theOwnerReceivesOneEmailNamingDeviceAdvisoryAndAction() throws Exception {
        notifyAdvisory();
        Deliverer.Report r = deliverer(SmtpSettings.Security.NONE, SMTP.getPort(), PASSWORD).deliverDue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.sent()).isEqualTo(1);
        MimeMessage[] got = greenMail.getReceivedMessages();
        assertThat(got).hasSize(1);
        MimeMessage m = got[0];
        String body = GreenMailUtil.getBody(m);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
        assertThat(m.getSubject()).contains(NotifyContract.CAM, "Foscam FI9826P", Fixtures.ADVISORY);
        assertThat(body).contains(NotifyContract.CAM, Fixtures.ADVISORY, "Update to firmware 2.11.2.55 (or later).",
                Fixtures.CVE_A, "warden remediation set");
        String id = new Outbox(store).list("sent", 10).get(0).id();
        assertThat(m.getMessageID()).isEqualTo("<" + id + "@warden>");
        assertThat(m.getHeader(WebhookSignature.DELIVERY)).containsExactly(id);
        assertThat(GreenMailUtil.getWholeMessage(m)).doesNotContain(PASSWORD);
    }

    @Test
    void smtpsWithAuthDeliversToo() throws Exception {
        notifyAdvisory();
        Deliverer.Report r = deliverer(SmtpSettings.Security.SMTPS, SMTPS.getPort(), PASSWORD).deliverDue();
        assertThat(r.errors()).isEmpty();
        assertThat(r.sent()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aWrongPasswordIsRetriedLaterAndTheErrorHoldsNoSecret() {
        notifyAdvisory();
        Deliverer.Report r = deliverer(SmtpSettings.Security.NONE, SMTP.getPort(), "wrong-Pa55").deliverDue();
        assertThat(r.retried()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString().contains("authentication failed").doesNotContain("wrong-Pa55");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void badSettingsNameTheFileAndField() {
        assertThatThrownBy(() -> SmtpSettings.parse("notify.yaml", "smtp:\n  host: h\n  port: 25\n  from: a@b\n  password: hunter2\n  user: u\n"
                .getBytes(StandardCharsets.UTF_8))).hasMessage("notify.yaml: smtp.password: must be env:NAME or file:PATH, not the password itself");
        assertThatThrownBy(() -> SmtpSettings.parse("notify.yaml", "smtp:\n  host: h\n  port: 99999\n  from: a@b\n"
                .getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("notify.yaml: smtp.port:");
        assertThatThrownBy(() -> SmtpSettings.parse("notify.yaml", "smtp:\n  host: h\n  port: 25\n  from: a@b\n  tls: yes\n"
                .getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("notify.yaml: smtp.tls: unknown field");
    }
}
