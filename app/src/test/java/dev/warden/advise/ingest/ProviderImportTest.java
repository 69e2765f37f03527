package dev.warden.advise.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warden.advise.SharedAdvisories;
import dev.warden.advise.service.AdvisoryServiceContractSupport;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.advise.service.ImportResult;
import dev.warden.advise.store.SaveOutcome;
import dev.warden.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSAF providers served over HTTP on 127.77.170.1 (this test's loopback range): ROLIE feed with hash links, directory
 * index, a new revision published later, and hostile providers (endless response, oversized document, wrong hash,
 * redirect to a host not named).
 */
class ProviderImportTest {
    private static final String HOST = "127.77.170.1";
    private static final IngestLimits LIMITS =
            new IngestLimits(1_000_000, 20, Duration.ofSeconds(2), Duration.ofSeconds(2), 2);

    @TempDir
    Path tmp;
    private HttpServer server;
    private ExecutorService threads;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private String base;
    private Store store;
    private AdvisoryService service;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        base = "http://" + HOST + ":" + server.getAddress().getPort();
        store = Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
        service = new AdvisoryService(store, LIMITS, CsafSchema.load(SharedAdvisories.schema()));
        AdvisoryServiceContractSupport.discoverZavio(store);
    }

    @AfterEach
    void shutdown() throws InterruptedException {
        stop.countDown();
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            if (path.equals("/slow/provider-metadata.json")) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write("{\"distributions\": [".getBytes(StandardCharsets.UTF_8));
                out.flush();
                stop.await(30, TimeUnit.SECONDS);
                return;
            }
            if (path.equals("/redirect/provider-metadata.json")) {
                ex.getResponseHeaders().add("Location", "http://127.77.170.2:" + server.getAddress().getPort() + "/good/provider-metadata.json");
                ex.sendResponseHeaders(302, -1);
                return;
            }
            if (path.equals("/huge/doc.json")) {
                ex.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                }
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (deadline or size cap): what the hostile cases want
        }
    }

    private void rolieProvider(String dir, Map<String, byte[]> docs, boolean badHash) throws Exception {
        StringBuilder entries = new StringBuilder();
        for (Map.Entry<String, byte[]> d : docs.entrySet()) {
            String url = base + "/" + dir + "/white/" + d.getKey();
            files.put("/" + dir + "/white/" + d.getKey(), d.getValue());
            String hash = badHash ? "0".repeat(64) : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d.getValue()));
            files.put("/" + dir + "/white/" + d.getKey() + ".sha256", (hash + "  " + d.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            if (!entries.isEmpty()) {
                entries.append(',');
            }
            entries.append("""
                    {"id": "%s", "title": "%s", "link": [{"rel": "self", "href": "%s"}, {"rel": "hash", "href": "%s.sha256"}],
                     "published": "2023-10-31T06:00:00Z", "updated": "2023-10-31T06:00:00Z", "content": {"type": "application/json", "src": "%s"},
                     "format": {"schema": "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", "version": "2.0"}}
                    """.formatted(d.getKey(), d.getKey(), url, url, url));
        }
        files.put("/" + dir + "/feed-tlp-white.json", """
                {"feed": {"id": "test-white", "title": "Test TLP:WHITE", "link": [], "category": [], "updated": "2023-10-31T06:00:00Z",
                 "entry": [%s]}}""".formatted(entries).getBytes(StandardCharsets.UTF_8));
        files.put("/" + dir + "/provider-metadata.json", """
                {"canonical_url": "%s/%s/provider-metadata.json", "metadata_version": "2.0", "role": "csaf_trusted_provider",
                 "last_updated": "2023-10-31T06:00:00Z", "list_on_CSAF_aggregators": false, "mirror_on_CSAF_aggregators": false,
                 "publisher": {"category": "vendor", "name": "Test", "namespace": "https://test.example"},
                 "distributions": [{"rolie": {"feeds": [{"summary": "white", "tlp_label": "WHITE", "url": "%s/%s/feed-tlp-white.json"}]}}]}
                """.formatted(base, dir, base, dir).getBytes(StandardCharsets.UTF_8));
    }

    private ImportResult importProvider(String dir) {
        return service.importFrom(List.of(new Source.Provider(URI.create(base + "/" + dir + "/provider-metadata.json"))),
                u -> HOST.equals(u.getHost()));
    }

    @Test
    void aRolieProviderIsImportedAndALaterRevisionRematches() throws Exception {
        byte[] zavio = Files.readAllBytes(SharedAdvisories.document("cisa-icsa-23-304-03.json"));
        byte[] bsi = Files.readAllBytes(SharedAdvisories.document("oasis-bsi-2022-0001.json"));
        rolieProvider("good", Map.of("icsa-23-304-03.json", zavio, "bsi-2022-0001.json", bsi), false);

        ImportResult first = importProvider("good");
        assertThat(first.rejected()).isEmpty();
        assertThat(first.imported()).extracting(ImportResult.Imported::advisoryId)
                .containsExactlyInAnyOrder("ICSA-23-304-03", "BSI-2022-0001");
        assertThat(first.imported()).allMatch(i -> i.location().startsWith(base));
        assertThat(first.matchesAdded()).isPositive();

        byte[] v2 = AdvisoryServiceContractSupport.revisionWithout(zavio, "CSAFPID-0002");
        rolieProvider("good", Map.of("icsa-23-304-03.json", v2, "bsi-2022-0001.json", bsi), false);
        ImportResult second = importProvider("good");
        assertThat(second.imported()).extracting(ImportResult.Imported::advisoryId, ImportResult.Imported::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("ICSA-23-304-03", SaveOutcome.UPDATED),
                        org.assertj.core.api.Assertions.tuple("BSI-2022-0001", SaveOutcome.UNCHANGED));
        assertThat(second.matchesRemoved()).isPositive();
        assertThat(service.affected("ICSA-23-304-03")).extracting(m -> m.match().deviceIp()).containsOnly("127.77.170.11");
    }

    @Test
    void aDirectoryProviderIsReadThroughItsIndex() throws Exception {
        files.put("/dir/provider-metadata.json", """
                {"distributions": [{"directory_url": "%s/dir/csaf/"}]}""".formatted(base).getBytes(StandardCharsets.UTF_8));
        files.put("/dir/csaf/index.txt", "2023/icsa-23-304-03.json\n\n".getBytes(StandardCharsets.UTF_8));
        files.put("/dir/csaf/2023/icsa-23-304-03.json", Files.readAllBytes(SharedAdvisories.document("cisa-icsa-23-304-03.json")));
        ImportResult r = importProvider("dir");
        assertThat(r.rejected()).isEmpty();
        assertThat(r.imported()).extracting(ImportResult.Imported::advisoryId).containsExactly("ICSA-23-304-03");
    }

    @Test
    void hostileProvidersAreRejectedAndChangeNothing() throws Exception {
        rolieProvider("badhash", Map.of("icsa-23-304-03.json",
                Files.readAllBytes(SharedAdvisories.document("cisa-icsa-23-304-03.json"))), true);
        files.put("/huge/provider-metadata.json", """
                {"distributions": [{"directory_url": "%s/huge/"}]}""".formatted(base).getBytes(StandardCharsets.UTF_8));
        files.put("/huge/index.txt", "doc.json\n".getBytes(StandardCharsets.UTF_8));

        long started = System.nanoTime();
        ImportResult r = service.importFrom(List.of(
                new Source.Provider(URI.create(base + "/slow/provider-metadata.json")),
                new Source.Provider(URI.create(base + "/huge/provider-metadata.json")),
                new Source.Provider(URI.create(base + "/badhash/provider-metadata.json")),
                new Source.Provider(URI.create(base + "/redirect/provider-metadata.json")),
                new Source.Provider(URI.create("file:///etc/passwd"))), u -> HOST.equals(u.getHost()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

        assertThat(r.imported()).isEmpty();
        assertThat(r.rejected()).extracting(ImportResult.Rejection::reason).satisfiesExactly(
                slow -> assertThat(slow).contains("no complete response within 2 s"),
                huge -> assertThat(huge).contains("larger than 1000000 bytes"),
                hash -> assertThat(hash).contains("SHA-256", "differs from the provider's"),
                redirect -> assertThat(redirect).contains("127.77.170.2", "host not allowed"),
                file -> assertThat(file).contains("only http and https"));
        assertThat(service.list()).isEmpty();
    }
}
