package dev.warden.notify;

import static dev.warden.notify.Fixtures.ADVISORY;
import static dev.warden.notify.Fixtures.CVE_A;
import static dev.warden.notify.Fixtures.CVE_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Advisory;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.DuePolicy;
import dev.warden.remediation.Remediation;
import dev.warden.remediation.RemediationState;
import dev.warden.remediation.Remediations;
import dev.warden.remediation.FirmwareLineOrder;
import dev.warden.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Owners, the outbox, delivery and remediation against one store; run on SQLite and (when configured) PostgreSQL.
 * Senders are in-memory here; the real SMTP and webhook channels have their own tests.
 */
abstract class NotifyContract {
    static final String CAM = "127.77.180.11";
    static final String CAM2 = "127.77.180.12";
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    Store store;
    TestClock clock;
    Owners owners;
    Notifier notifier;
    Remediations remediations;
    RecordingSender mail;
    RecordingSender hook;
    DeliveryPolicy policy = DeliveryPolicy.load();

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        store = openFresh();
        clock = new TestClock(T0);
        owners = new Owners(store);
        notifier = new Notifier(store, DuePolicy.load(), clock);
        remediations = new Remediations(store, clock, FirmwareLineOrder.shipped());
        mail = new RecordingSender(Channel.EMAIL);
        hook = new RecordingSender(Channel.WEBHOOK);
        Scan scan = Scan.of(ScanKind.DISCOVER, "127.77.180.0/24", T0.toEpochMilli(), T0.toEpochMilli());
        new Inventory(store).recordDiscovery(scan, List.of(camera(CAM), camera(CAM2)), ip -> true);
        owners.addSite("shop", List.of("127.77.180.0/24"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Device camera(String ip) {
        return new Device(ip, DeviceKind.CAMERA, "Foscam", "FI9826P", null, "2.11.1.120", 0.9, List.of());
    }

    Deliverer deliverer() {
        return new Deliverer(store, List.of(mail, hook), new Renderer(), policy, clock);
    }

    void addOwner(String name, boolean digest) {
        owners.addOwner(new Owner(name, name + "@example.org", "http://127.77.180.2:8080/hook", "env:HOOK_SECRET", digest));
        owners.assignSite(name, "shop");
    }

    List<OutboxItem> outbox(String status) {
        return new Outbox(store).list(status, 100);
    }

    @Test
    void anOwnerAssignedToTheAddressWinsOverTheSiteOwners() {
        addOwner("alice", false);
        owners.addOwner(new Owner("bob", "bob@example.org", null, null, false));
        owners.assignIp("bob", CAM2);
        assertThat(owners.ownersOf(CAM)).extracting(Owner::name).containsExactly("alice");
        assertThat(owners.ownersOf(CAM2)).extracting(Owner::name).containsExactly("bob");
        assertThat(owners.ownersOf("127.77.181.1")).isEmpty();
        assertThatThrownBy(() -> owners.addOwner(new Owner("eve", null, "http://127.77.180.2/x", "s3cret", false)))
                .hasMessageContaining("env:NAME or file:PATH");
        assertThatThrownBy(() -> owners.assignSite("alice", "nowhere")).hasMessageContaining("no site named nowhere");
    }

    @Test
    void matchesOpenRemediationsAndQueueOneNotificationPerEndpointInTheSameTransaction() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        Notifier.Result r = notifier.onMatches(a, Fixtures.matches(a, CAM));
        assertThat(r.remediations()).isEqualTo(2);
        assertThat(r.queued()).isEqualTo(2);
        assertThat(remediations.list(false)).extracting(Remediation::cve).containsExactlyInAnyOrder(CVE_A, CVE_B);

        Deliverer.Report rep = deliverer().deliverDue();
        assertThat(rep.sent()).isEqualTo(2);
        assertThat(mail.accepted).hasSize(1);
        Message m = mail.accepted.get(0);
        assertThat(m.endpoint()).isEqualTo("alice@example.org");
        assertThat(m.subject()).contains(CAM, "Foscam FI9826P", ADVISORY, "critical".toUpperCase());
        assertThat(m.text()).contains("Update to firmware 2.11.2.55 (or later).", CVE_A, CVE_B, CAM, m.deliveryId())
                .contains("\n\nFoscam FI9826P (firmware 2.11.1.120) at " + CAM + "\n  Advisory: " + ADVISORY + " revision 1: ")
                .contains("\n  Read it: https://example.org/advisories/" + ADVISORY + "\n  Severity: critical; fix by 2026-03-17\n")
                .contains("\n  What to do (" + CVE_A + ", " + CVE_B + "): Update to firmware 2.11.2.55 (or later).\n\nWhen you have acted");
        assertThat(hook.accepted).hasSize(1);
        assertThat(hook.accepted.get(0).secretRef()).isEqualTo("env:HOOK_SECRET");
        assertThat(hook.accepted.get(0).json()).contains("\"advisory_id\":\"" + ADVISORY + "\"", "Update to firmware 2.11.2.55")
                .doesNotContain("HOOK_SECRET");
        assertThat(outbox("sent")).hasSize(2);
        assertThat(deliverer().deliverDue().sent()).isZero();
    }

    @Test
    void aDeviceNobodyAnswersForIsTrackedButNotNotified() {
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        Notifier.Result r = notifier.onMatches(a, Fixtures.matches(a, CAM));
        assertThat(r.unowned()).containsExactly(CAM);
        assertThat(r.queued()).isZero();
        assertThat(remediations.list(false)).hasSize(2);
    }

    @Test
    void aNewRevisionNotifiesAgainOnlyWhenTheActionChanged() {
        addOwner("alice", false);
        Advisory r1 = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(r1, Fixtures.matches(r1, CAM));
        deliverer().deliverDue();
        Advisory r2 = new Advisory(ADVISORY, "2", "Foscam IP camera firmware flaws (updated references)", r1.publisher(),
                r1.released(), r1.url(), r1.products(), r1.vulnerabilities());
        assertThat(notifier.onMatches(r2, Fixtures.matches(r2, CAM)).queued()).isZero();
        Advisory r3 = Fixtures.advisory("3", Fixtures.fix("2.11.2.60"), null);
        assertThat(notifier.onMatches(r3, Fixtures.matches(r3, CAM)).queued()).isEqualTo(2);
        deliverer().deliverDue();
        assertThat(mail.accepted).hasSize(2);
        assertThat(mail.accepted.get(1).text()).contains("Update to firmware 2.11.2.60 (or later).");
    }

    @Test
    void aChangedActionSupersedesThePendingOne() {
        addOwner("alice", false);
        Advisory r1 = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(r1, Fixtures.matches(r1, CAM));
        Advisory r2 = Fixtures.advisory("2", Fixtures.noFix("The vendor ended support for this model."), null);
        notifier.onMatches(r2, Fixtures.matches(r2, CAM));
        assertThat(outbox("superseded")).hasSize(2);
        deliverer().deliverDue();
        assertThat(mail.accepted).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Take the device off the internet and fence it", "Advisory: The vendor ended support for this model.")
                .doesNotContain("2.11.2.55"));
    }

    @Test
    void aDigestOwnerGetsOneMessageListingEverything() {
        addOwner("dora", true);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        notifier.onMatches(a, Fixtures.matches(a, CAM2));
        assertThat(outbox("pending")).hasSize(4);
        Deliverer.Report rep = deliverer().deliverDue();
        assertThat(rep.sent()).isEqualTo(2);
        assertThat(mail.accepted).singleElement().satisfies(m -> {
            assertThat(m.itemIds()).hasSize(2);
            assertThat(m.subject()).contains("2 device notifications");
            assertThat(m.text()).contains("\n1. Foscam FI9826P (firmware 2.11.1.120) at " + CAM + "\n",
                    "\n2. Foscam FI9826P (firmware 2.11.1.120) at " + CAM2 + "\n");
        });
        assertThat(hook.accepted).singleElement().satisfies(m -> assertThat(m.json()).contains(CAM, CAM2));
        assertThat(outbox("sent")).hasSize(4);
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffAndSentOnce() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        mail.failNext = 2;
        assertThat(deliverer().deliverDue().retried()).isEqualTo(1);
        assertThat(deliverer().deliverDue().retried()).isZero(); // not yet: the back-off holds it
        clock.advance(policy.backoff(1));
        assertThat(deliverer().deliverDue().retried()).isEqualTo(1);
        clock.advance(policy.backoff(1)); // half of the second back-off
        assertThat(deliverer().deliverDue().sent()).isZero();
        clock.advance(policy.backoff(2).minus(policy.backoff(1)));
        assertThat(deliverer().deliverDue().sent()).isEqualTo(1);
        assertThat(mail.accepted).hasSize(1);
        OutboxItem sent = outbox("sent").stream().filter(i -> i.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(policy.backoff(2)).isEqualTo(policy.backoff(1).multipliedBy(2));
    }

    @Test
    void aPermanentFailureOrExhaustedAttemptsMakeAnItemDead() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        hook.permanentFailure = m -> true;
        mail.failNext = Integer.MAX_VALUE;
        for (int i = 0; i < policy.maxAttempts(); i++) {
            deliverer().deliverDue();
            clock.advance(policy.backoff(policy.maxAttempts()));
        }
        assertThat(outbox("dead")).hasSize(2).allSatisfy(i -> assertThat(i.lastError()).isNotBlank());
        OutboxItem mailItem = outbox("dead").stream().filter(i -> i.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(mailItem.attempts()).isEqualTo(policy.maxAttempts());
    }

    @Test
    void aCrashAfterSendingButBeforeMarkingResendsWithTheSameDeliveryId() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        mail.crashAfterSend = true;
        assertThatThrownBy(() -> deliverer().deliverDue()).isInstanceOf(RecordingSender.Crash.class);
        assertThat(mail.accepted).hasSize(1);
        mail.crashAfterSend = false;
        // restart: a new Deliverer on the same store. The item is still pending, hidden for the lease.
        deliverer().deliverDue(); // the webhook, if the crash came before its turn
        assertThat(hook.accepted).hasSize(1);
        assertThat(mail.accepted).hasSize(1); // the cut-short email is hidden for its lease
        clock.advance(policy.lease());
        assertThat(deliverer().deliverDue().sent()).isEqualTo(1);
        assertThat(mail.accepted).hasSize(2);
        assertThat(mail.accepted.get(1).deliveryId()).isEqualTo(mail.accepted.get(0).deliveryId());
        // once marked, never again: not by another run, not by the same news arriving after the restart
        clock.advance(Duration.ofDays(1));
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        assertThat(deliverer().deliverDue().sent()).isZero();
        assertThat(mail.accepted).hasSize(2);
        assertThat(hook.accepted).hasSize(1);
    }

    @Test
    void aCrashBeforeSendingDeliversExactlyOnceAfterRestart() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        mail.crashBeforeSend = true;
        hook.crashBeforeSend = true;
        assertThatThrownBy(() -> deliverer().deliverDue()).isInstanceOf(RecordingSender.Crash.class);
        mail.crashBeforeSend = false;
        hook.crashBeforeSend = false;
        clock.advance(policy.lease());
        deliverer().deliverDue();
        deliverer().deliverDue();
        assertThat(mail.accepted).hasSize(1);
        assertThat(hook.accepted).hasSize(1);
    }

    @Test
    void dueDatesFollowSeverityAndAnEarlierKevDate() {
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), Fixtures.kev(LocalDate.of(2026, 3, 9)));
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        Map<String, Remediation> byCve = remediations.list(false).stream()
                .collect(java.util.stream.Collectors.toMap(Remediation::cve, r -> r));
        assertThat(byCve.get(CVE_A).due()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z")); // KEV, before 15 days
        assertThat(byCve.get(CVE_B).due()).isEqualTo(T0.plus(30, ChronoUnit.DAYS));
        DuePolicy p = DuePolicy.load();
        assertThat(List.of(p.days(dev.warden.model.Severity.CRITICAL), p.days(dev.warden.model.Severity.HIGH),
                p.days(dev.warden.model.Severity.MEDIUM), p.days(dev.warden.model.Severity.LOW))).containsExactly(15, 30, 90, 180);
    }

    @Test
    void overdueItemsGetOneReminderPerEndpointPerDay() {
        addOwner("alice", false);
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        deliverer().deliverDue();
        assertThat(notifier.remindOverdue()).isZero();
        clock.advance(Duration.ofDays(16)); // the critical one is overdue, the high one not yet
        assertThat(remediations.list(true)).extracting(Remediation::cve).containsExactly(CVE_A);
        assertThat(notifier.remindOverdue()).isEqualTo(2);
        assertThat(notifier.remindOverdue()).isZero();
        deliverer().deliverDue();
        assertThat(mail.accepted.get(1).subject()).contains("Overdue", CAM);
        clock.advance(Duration.ofDays(1));
        assertThat(notifier.remindOverdue()).isEqualTo(2);
        remediations.set(CAM, ADVISORY, CVE_A, RemediationState.RISK_ACCEPTED, "camera is on an isolated VLAN until May");
        clock.advance(Duration.ofDays(1));
        assertThat(notifier.remindOverdue()).isZero();
    }

    @Test
    void theStateMachineAllowsForwardStepsReopeningAndClosingWithAReason() {
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        assertThat(remediations.set(CAM, ADVISORY, null, RemediationState.ACKNOWLEDGED, null))
                .hasSize(2).allSatisfy(r -> assertThat(r.state()).isEqualTo(RemediationState.ACKNOWLEDGED));
        remediations.set(CAM, ADVISORY, CVE_A, RemediationState.FIXED, null);
        assertThatThrownBy(() -> remediations.set(CAM, ADVISORY, CVE_A, RemediationState.IN_PROGRESS, null))
                .hasMessageContaining("cannot go back from fixed to in_progress");
        assertThatThrownBy(() -> remediations.set(CAM, ADVISORY, CVE_A, RemediationState.VERIFIED, "trust me"))
                .hasMessageContaining("only by a re-assessment");
        assertThatThrownBy(() -> remediations.set(CAM, ADVISORY, CVE_B, RemediationState.FALSE_POSITIVE, " "))
                .hasMessageContaining("needs --reason");
        remediations.set(CAM, ADVISORY, CVE_B, RemediationState.FALSE_POSITIVE, "it is a C2, not an FI9826P");
        assertThatThrownBy(() -> remediations.set(CAM, ADVISORY, CVE_B, RemediationState.FIXED, null))
                .hasMessageContaining("reopen it first");
        assertThat(remediations.set(CAM, ADVISORY, CVE_B, RemediationState.OPEN, "it is an FI9826P after all"))
                .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("it is an FI9826P after all"));
        assertThatThrownBy(() -> remediations.set(CAM, "NO-SUCH", null, RemediationState.FIXED, null))
                .hasMessageContaining("no remediation");
    }

    @Test
    void firmwareThatReachesTheFixVerifiesTheItemsAndNothingElse() {
        Advisory a = Fixtures.advisory("1", Fixtures.fix("2.11.2.55"), null);
        notifier.onMatches(a, Fixtures.matches(a, CAM));
        notifier.onMatches(a, Fixtures.matches(a, CAM2));
        remediations.set(CAM, ADVISORY, CVE_B, RemediationState.FALSE_POSITIVE, "not this model");
        assertThat(remediations.firmwareSeen(CAM, "2.11.1.120")).isEmpty();
        clock.advance(Duration.ofDays(2));
        List<Remediation> verified = remediations.firmwareSeen(CAM, "2.11.2.55");
        assertThat(verified).singleElement().satisfies(r -> {
            assertThat(r.cve()).isEqualTo(CVE_A);
            assertThat(r.state()).isEqualTo(RemediationState.VERIFIED);
            assertThat(r.verifiedAt()).isEqualTo(clock.instant());
            assertThat(r.reason()).contains("2.11.2.55");
        });
        assertThat(remediations.list(false)).filteredOn(r -> r.ip().equals(CAM2))
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(RemediationState.OPEN));
        assertThat(notifier.onMatches(a, Fixtures.matches(a, CAM)).queued()).isZero();
    }
}
