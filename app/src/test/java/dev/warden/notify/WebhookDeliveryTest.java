package dev.warden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.warden.model.Advisory;
import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Store;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed webhooks to a JDK HttpServer receiver on 127.77.180.4 that checks every request with
 * {@link WebhookSignature}: the signature verifies, replays and stale timestamps are refused, and a receiver that
 * fails twice gets the notification on the third attempt, once.
 */
class WebhookDeliveryTest {
    private static final String SECRET = "whsec-test-0123456789";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One request as the receiver saw it. */
    record Received(String timestamp, String signature, String delivery, byte[] body, WebhookSignature.Verdict verdict) {
    }

    @TempDir
    Path tmp;
    Store store;
    TestClock clock = new TestClock(NotifyContract.T0);
    HttpServer server;
    WebhookSignature verifier = new WebhookSignature(SECRET, TOLERANCE, 10_000);
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.77.180.4", 0), 16);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readNBytes(1 << 20);
            var h = ex.getRequestHeaders();
            WebhookSignature.Verdict v = verifier.verify(h.getFirst(WebhookSignature.TIMESTAMP), h.getFirst(WebhookSignature.SIGNATURE),
                    h.getFirst(WebhookSignature.DELIVERY), body, clock.instant());
            received.add(new Received(h.getFirst(WebhookSignature.TIMESTAMP), h.getFirst(WebhookSignature.SIGNATURE),
                    h.getFirst(WebhookSignature.DELIVERY), body, v));
            int status = failFirst.getAndDecrement() > 0 ? 503 : v.accepted() || v.duplicate() ? 200 : 401;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        store = Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
        String url = "http://127.77.180.4:" + server.getAddress().getPort() + "/hook";
        new Owners(store).addOwner(new Owner("ops", null, url, "env:WARDEN_HOOK_SECRET", false));
        new Owners(store).assignIp("ops", NotifyContract.CAM);
        Advisory a = Fixtures.advisory("1", Fixtures.noFix("No fix is planned for this model."), null);
        new Notifier(store, DuePolicy.load(), clock).onMatches(a, Fixtures.matches(a, NotifyContract.CAM));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        store.close();
    }

    private Deliverer deliverer() {
        Sender s = new WebhookSender(Duration.ofSeconds(5), clock, Map.of("WARDEN_HOOK_SECRET", SECRET)::get);
        return new Deliverer(store, List.of(s), new Renderer(), DeliveryPolicy.load(), clock);
    }

    @Test
    void theReceiverVerifiesTheSignatureAndGetsTheAction() {
        assertThat(deliverer().deliverDue().sent()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.verdict().accepted()).isTrue();
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, Long.parseLong(r.timestamp()), r.body()));
            String json = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(json).contains(NotifyContract.CAM, Fixtures.ADVISORY, "Take the device off the internet and fence it",
                    "No fix is planned for this model.", "\"delivery\":\"" + r.delivery() + "\"").doesNotContain(SECRET);
        });
    }

    @Test
    void replaysStaleTimestampsAndTamperedBodiesAreRefused() {
        deliverer().deliverDue();
        Received r = received.get(0);
        WebhookSignature.Verdict replay = verifier.verify(r.timestamp(), r.signature(), r.delivery(), r.body(), clock.instant());
        assertThat(replay.accepted()).isFalse();
        assertThat(replay.duplicate()).isTrue();
        WebhookSignature fresh = new WebhookSignature(SECRET, TOLERANCE, 10_000);
        WebhookSignature.Verdict stale = fresh.verify(r.timestamp(), r.signature(), r.delivery(), r.body(),
                clock.instant().plus(TOLERANCE).plusSeconds(1));
        assertThat(stale.accepted()).isFalse();
        assertThat(stale.duplicate()).isFalse();
        assertThat(stale.reason()).contains("stale timestamp");
        byte[] tampered = new String(r.body(), StandardCharsets.UTF_8).replace("fence it", "ignore it").getBytes(StandardCharsets.UTF_8);
        assertThat(fresh.verify(r.timestamp(), r.signature(), r.delivery(), tampered, clock.instant()).reason()).isEqualTo("bad signature");
        assertThat(fresh.verify(r.timestamp(), WebhookSignature.sign("other-secret", Long.parseLong(r.timestamp()), r.body()),
                r.delivery(), r.body(), clock.instant()).accepted()).isFalse();
        assertThat(fresh.verify(null, r.signature(), r.delivery(), r.body(), clock.instant()).reason()).startsWith("missing");
    }

    @Test
    void aReceiverThatFailsTwiceGetsItOnTheThirdAttemptOnce() {
        failFirst.set(2);
        DeliveryPolicy p = DeliveryPolicy.load();
        assertThat(deliverer().deliverDue().retried()).isEqualTo(1);
        clock.advance(p.backoff(1));
        assertThat(deliverer().deliverDue().errors()).singleElement().asString().contains("HTTP 503");
        clock.advance(p.backoff(2));
        assertThat(deliverer().deliverDue().sent()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(deliverer().deliverDue().sent()).isZero();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
        assertThat(received).filteredOn(r -> r.verdict().accepted()).hasSize(1);
        assertThat(new Outbox(store).list("sent", 10)).singleElement().satisfies(i -> assertThat(i.attempts()).isEqualTo(3));
    }
}
