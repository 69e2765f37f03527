package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.device.Account;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.notify.WebhookSignature;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's acceptance, with real parts on 127.77.190.x: Warden's VDOO advisory served by a CSAF provider over HTTP
 * (provider-metadata.json + ROLIE feed + hash) → {@code warden advisories import URL} → matched to the lab's FI9826P
 * found by {@code warden discover} → {@code warden notify}: an email in GreenMail's mailbox and an HMAC-signed webhook
 * verified by a JDK HttpServer receiver → {@code Lab.upgrade} → {@code warden assess} (without the owner's account the
 * patched camera hides its firmware and nothing is verified; with it, verified).
 */
class AdviseEndToEndIT {
    private static final String PROVIDER = "127.77.190.1";
    private static final String SMTP_HOST = "127.77.190.2";
    private static final String HOOK_HOST = "127.77.190.3";
    private static final String CAMERA = "127.77.190.11";
    private static final String OTHER = "127.77.190.12";
    private static final String ADVISORY = "WARDEN-2018-FOSCAM-VDOO";
    private static final String HOOK_SECRET = "hook-s3cret-for-the-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(3025, SMTP_HOST, ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @TempDir
    Path tmp;
    private Path home;
    private HttpServer provider;
    private HttpServer receiver;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> hooks = new CopyOnWriteArrayList<>();
    private final WebhookSignature verifier = new WebhookSignature(HOOK_SECRET, Duration.ofMinutes(5), 1000);

    @BeforeEach
    void start() throws Exception {
        home = tmp.resolve("home");
        provider = HttpServer.create(new InetSocketAddress(PROVIDER, 0), 0);
        provider.createContext("/", this::serve);
        provider.start();
        receiver = HttpServer.create(new InetSocketAddress(HOOK_HOST, 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
        receiver.stop(0);
    }

    @Test
    void providerToMailboxAndWebhookToVerifiedFix() throws Exception {
        byte[] vdoo;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("content/advisories/warden-2018-foscam-vdoo.json")) {
            vdoo = in.readAllBytes();
        }
        String metadata = publish("warden-2018-foscam-vdoo.json", vdoo);
        String lab = """
                name: advise-e2e
                devices:
                  - {name: nursery, profile: foscam-fi9826p, address: %s, firmware: "2.11.1.120"}
                  - {name: driveway, profile: hikvision-ds-2cd2032-i, address: %s, firmware: "V5.3.0 build 150513"}
                """.formatted(CAMERA, OTHER);
        ProfileCatalog cat = ProfileCatalog.load();
        try (Lab l = Lab.start(cat, new FleetBuilder(cat).build(LabConfig.parse("advise-e2e.yaml", lab.getBytes(StandardCharsets.UTF_8))), 2)) {
            Files.createDirectories(home);
            Files.writeString(home.resolve("notify.yaml"), "smtp:\n  host: " + SMTP_HOST + "\n  port: 3025\n  security: none\n"
                    + "  from: warden@example.org\n");
            Path secret = Files.writeString(tmp.resolve("hook.secret"), HOOK_SECRET + "\n");
            ok(MainTest.runIn(home, "sites", "add", "lab", "127.77.190.0/24"));
            ok(MainTest.runIn(home, "owners", "add", "alice", "--email", "alice@example.org", "--webhook",
                    "http://" + HOOK_HOST + ":" + receiver.getAddress().getPort() + "/hook", "--webhook-secret", "file:" + secret));
            ok(MainTest.runIn(home, "owners", "assign", "alice", "--site", "lab"));
            ok(MainTest.runIn(home, "assess", CAMERA, OTHER));

            MainTest.Run imported = MainTest.runIn(home, "advisories", "import", metadata, "--json");
            ok(imported);
            assertThat(imported.out()).contains(ADVISORY);
            assertThat(affected()).containsExactly(CAMERA);
            assertThat(remediation(CAMERA)).isNotEmpty().allSatisfy(r -> assertThat(r.path("state").asString()).isEqualTo("open"));

            ok(MainTest.runIn(home, "notify"));
            MimeMessage[] mail = greenMail.getReceivedMessages();
            assertThat(mail).hasSize(1);
            assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.org");
            assertThat(mail[0].getSubject()).contains(ADVISORY);
            assertThat(String.valueOf(mail[0].getContent())).contains(CAMERA, "CVE-2018-6830");
            assertThat(hooks).singleElement().satisfies(h -> assertThat(h).contains(ADVISORY, CAMERA));

            // The owner patches the camera. Its admin password is no longer blank, so it shows no firmware to a scan
            // without the owner's account: nothing can be verified yet, and nothing is.
            l.upgrade("nursery", "2.11.1.135");
            ok(MainTest.runIn(home, "assess", "--all"));
            assertThat(remediation(CAMERA)).allSatisfy(r -> assertThat(r.path("state").asString()).isEqualTo("open"));

            Account admin = l.device("nursery").accounts().stream().filter(a -> a.service().equals("web")).findFirst().orElseThrow();
            Path pw = Files.writeString(tmp.resolve("nursery.password"), admin.password() + "\n");
            Path creds = Files.writeString(tmp.resolve("credentials.yaml"), "credentials:\n  - {ip: " + CAMERA + ", user: "
                    + admin.user() + ", password: \"file:" + pw + "\"}\n");
            MainTest.Run reassessed = MainTest.runIn(home, "assess", "--all", "--credentials", creds.toString());
            ok(reassessed);
            assertThat(reassessed.out() + reassessed.err()).doesNotContain(admin.password());
            assertThat(remediation(CAMERA)).isNotEmpty().allSatisfy(r -> {
                assertThat(r.path("state").asString()).isEqualTo("verified");
            });
            assertThat(affected()).isEmpty();
        }
    }

    /** Publishes one document as a ROLIE provider (feed with self and hash links); returns the metadata URL. */
    private String publish(String name, byte[] doc) throws Exception {
        String base = "http://" + PROVIDER + ":" + provider.getAddress().getPort();
        String url = base + "/white/" + name;
        files.put("/white/" + name, doc);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc));
        files.put("/white/" + name + ".sha256", (hash + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("/feed-tlp-white.json", """
                {"feed": {"id": "warden-white", "title": "TLP:WHITE", "link": [], "category": [], "updated": "2018-06-01T00:00:00Z",
                 "entry": [{"id": "%s", "title": "%s", "link": [{"rel": "self", "href": "%s"}, {"rel": "hash", "href": "%s.sha256"}],
                  "published": "2018-06-01T00:00:00Z", "updated": "2018-06-01T00:00:00Z", "content": {"type": "application/json", "src": "%s"},
                  "format": {"schema": "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", "version": "2.0"}}]}}
                """.formatted(name, name, url, url, url).getBytes(StandardCharsets.UTF_8));
        files.put("/provider-metadata.json", """
                {"canonical_url": "%s/provider-metadata.json", "metadata_version": "2.0", "role": "csaf_provider",
                 "last_updated": "2018-06-01T00:00:00Z", "list_on_CSAF_aggregators": false, "mirror_on_CSAF_aggregators": false,
                 "publisher": {"category": "vendor", "name": "Test", "namespace": "https://test.example"},
                 "distributions": [{"rolie": {"feeds": [{"summary": "white", "tlp_label": "WHITE", "url": "%s/feed-tlp-white.json"}]}}]}
                """.formatted(base, base).getBytes(StandardCharsets.UTF_8));
        return base + "/provider-metadata.json";
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /** The webhook receiver: only a request whose HMAC, timestamp and delivery id verify is kept. */
    private void receive(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readNBytes(1 << 20);
            var h = ex.getRequestHeaders();
            WebhookSignature.Verdict v = verifier.verify(h.getFirst(WebhookSignature.TIMESTAMP), h.getFirst(WebhookSignature.SIGNATURE),
                    h.getFirst(WebhookSignature.DELIVERY), body, Instant.now());
            if (v.accepted()) {
                hooks.add(new String(body, StandardCharsets.UTF_8));
            }
            ex.sendResponseHeaders(v.accepted() || v.duplicate() ? 204 : 401, -1);
        }
    }

    private List<String> affected() {
        MainTest.Run r = MainTest.runIn(home, "affected", ADVISORY, "--json");
        ok(r);
        return r.out().lines().filter(s -> !s.isBlank()).map(s -> JSON.readTree(s).path("ip").asString()).distinct().toList();
    }

    private List<JsonNode> remediation(String ip) {
        MainTest.Run r = MainTest.runIn(home, "remediation", "list", "--json");
        ok(r);
        return r.out().lines().filter(s -> !s.isBlank()).map(JSON::readTree)
                .filter(n -> n.path("ip").asString().equals(ip) && n.path("advisory").asString().equals(ADVISORY)).toList();
    }

    private static void ok(MainTest.Run r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }
}
