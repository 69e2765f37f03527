package dev.warden.advise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.advise.SharedAdvisories;
import dev.warden.advise.ingest.CsafSchema;
import dev.warden.advise.ingest.IngestLimits;
import dev.warden.advise.ingest.Source;
import dev.warden.advise.store.MatchRow;
import dev.warden.advise.store.SaveOutcome;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Import, revisions, matching on import and on inventory change, hostile documents: the same on every database. */
abstract class AdvisoryServiceContract {
    static final String ZAVIO = "cisa-icsa-23-304-03.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long T1 = 1_780_000_000_000L;

    @TempDir
    Path tmp;
    Store store;
    AdvisoryService service;
    final List<String> heard = new ArrayList<>();

    abstract Store openFresh() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openFresh();
        service = new AdvisoryService(store, IngestLimits.load(), CsafSchema.load(SharedAdvisories.schema()));
        service.addListener((added, removed, advisory) -> heard.add(advisory.id() + " +" + added.size() + " -" + removed.size()));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static Device camera(String ip, String vendor, String model, String firmware) {
        return new Device(ip, DeviceKind.CAMERA, vendor, model, null, firmware, 0.9, List.of());
    }

    void discover(long at, Device... devices) {
        new Inventory(store).recordDiscovery(Scan.of(ScanKind.DISCOVER, "127.77.170.0/24", at - 1000, at),
                List.of(devices), ip -> true);
    }

    ImportResult importFile(Path p) {
        return service.importFrom(List.of(Source.parse(p.toString())), u -> false);
    }

    @Test
    void everyRealDocumentImportsOnceAndAgainChangesNothing() {
        List<Path> docs = SharedAdvisories.documents();
        ImportResult first = service.importFrom(List.of(new Source.Directory(docs.get(0).getParent())), u -> false);
        assertThat(first.rejected()).isEmpty();
        assertThat(first.warnings()).isEmpty();
        assertThat(first.count(SaveOutcome.NEW)).isEqualTo(docs.size());
        assertThat(service.list()).hasSize(docs.size());

        ImportResult again = service.importFrom(List.of(new Source.Directory(docs.get(0).getParent())), u -> false);
        assertThat(again.count(SaveOutcome.UNCHANGED)).isEqualTo(docs.size());
        assertThat(counts()).containsExactly((long) docs.size(), (long) docs.size(), 0L);
    }

    @Test
    void importMatchesTheInventoryAndAnInventoryChangeRematches() {
        discover(T1, camera("127.77.170.11", "Zavio", "CF7500", "M2.1.6.05"),
                camera("127.77.170.12", "Zavio", "CF7300", "M2.1.6.05"),
                camera("127.77.170.13", "Hikvision", "DS-2CD2032-I", "V5.4.0"));
        ImportResult r = importFile(SharedAdvisories.document(ZAVIO));
        assertThat(r.imported()).extracting(ImportResult.Imported::advisoryId, ImportResult.Imported::outcome)
                .containsExactly(tuple("ICSA-23-304-03", SaveOutcome.NEW));
        int cves = service.show("ICSA-23-304-03").advisory().cves().size();
        assertThat(r.matchesAdded()).isEqualTo(2 * cves);
        assertThat(heard).containsExactly("ICSA-23-304-03 +" + 2 * cves + " -0");

        List<MatchRow> affected = service.affected("ICSA-23-304-03");
        assertThat(affected).extracting(m -> m.match().deviceIp()).containsOnly("127.77.170.11", "127.77.170.12");
        assertThat(affected.get(0).match().reasons()).isNotEmpty();
        assertThat(affected.get(0).match().remedy()).isNotNull();
        assertThat(service.affected("cve-2023-3959")).extracting(m -> m.match().deviceIp())
                .containsExactly("127.77.170.11", "127.77.170.12");
        assertThatThrownBy(() -> service.affected("CVE-1999-0001")).hasMessageContaining("no advisory names CVE-1999-0001");

        discover(T1 + 60_000, camera("127.77.170.11", "Zavio", "CF7500", "M2.1.6.05"),
                camera("127.77.170.13", "Hikvision", "DS-2CD2032-I", "V5.4.0"));
        assertThat(service.rematch()).containsOnlyKeys("ICSA-23-304-03");
        assertThat(service.affected("ICSA-23-304-03")).extracting(m -> m.match().deviceIp()).containsOnly("127.77.170.11");
        assertThat(service.show("ICSA-23-304-03").matches()).filteredOn(m -> !m.active())
                .extracting(m -> m.match().deviceIp()).containsOnly("127.77.170.12");
        assertThat(heard).last().isEqualTo("ICSA-23-304-03 +0 -" + cves);
        assertThat(service.rematch()).isEmpty();
    }

    @Test
    void aNewRevisionIsKeptAndRematchesAndAnOlderOneDoesNotTakeOver() throws Exception {
        discover(T1, camera("127.77.170.11", "Zavio", "CF7500", "M2.1.6.05"),
                camera("127.77.170.12", "Zavio", "CF7300", "M2.1.6.05"));
        Path v1 = SharedAdvisories.document(ZAVIO);
        importFile(v1);
        Path v2 = tmp.resolve("zavio-v2.json");
        Files.write(v2, revisionWithout(Files.readAllBytes(v1), "CSAFPID-0002"));

        ImportResult r = importFile(v2);
        assertThat(r.imported()).extracting(ImportResult.Imported::outcome).containsExactly(SaveOutcome.UPDATED);
        assertThat(r.matchesRemoved()).isPositive();
        assertThat(r.matchesAdded()).isZero();
        AdvisoryDetail d = service.show("ICSA-23-304-03");
        assertThat(d.summary().revision()).isEqualTo("2");
        assertThat(d.revisions()).extracting(rv -> rv.revision() + (rv.current() ? "*" : "")).containsExactly("1", "2*");
        assertThat(service.affected("ICSA-23-304-03")).extracting(m -> m.match().deviceIp()).containsOnly("127.77.170.11");
        assertThat(service.affected("ICSA-23-304-03")).extracting(m -> m.match().revision()).containsOnly("2");

        assertThat(importFile(v1).imported()).extracting(ImportResult.Imported::outcome).containsExactly(SaveOutcome.UNCHANGED);
        assertThat(service.show("ICSA-23-304-03").summary().revision()).isEqualTo("2");
    }

    @Test
    void hostileDocumentsAreRejectedAndChangeNothing() throws Exception {
        discover(T1, camera("127.77.170.11", "Zavio", "CF7500", "M2.1.6.05"));
        importFile(SharedAdvisories.document(ZAVIO));
        List<Long> before = counts();
        List<String> heardBefore = List.copyOf(heard);

        Path dir = Files.createDirectories(tmp.resolve("hostile"));
        byte[] valid = revisionWithout(Files.readAllBytes(SharedAdvisories.document(ZAVIO)), "CSAFPID-0003");
        Files.write(dir.resolve("a-huge.json"), new byte[IngestLimits.load().maxDocumentBytes() + 1]);
        Files.writeString(dir.resolve("b-deep.json"), "{\"document\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        String withAccent = new String(valid, StandardCharsets.UTF_8).replaceFirst("\"title\":\\s*\"", "\"title\": \"caf\u00e9 ");
        assertThat(withAccent).contains("caf\u00e9");
        byte[] latin1 = withAccent.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("c-latin1.json"), latin1);
        ObjectNode invalid = (ObjectNode) JSON.readTree(valid);
        ((ObjectNode) invalid.path("document")).put("category", "not a category at all but a very long sentence");
        ((ObjectNode) invalid.path("document").path("tracking")).put("status", "whatever");
        Files.write(dir.resolve("d-schema.json"), JSON.writeValueAsBytes(invalid));

        ImportResult r = service.importFrom(List.of(new Source.Directory(dir)), u -> false);
        assertThat(r.imported()).isEmpty();
        assertThat(r.rejected()).extracting(ImportResult.Rejection::reason).satisfiesExactly(
                huge -> assertThat(huge).contains("larger than"),
                deep -> assertThat(deep).contains("nesting depth"),
                latin -> assertThat(latin).contains("not valid UTF-8"),
                schema -> assertThat(schema).contains("not a valid CSAF 2.0 document", "/document/tracking/status"));
        assertThat(counts()).isEqualTo(before);
        assertThat(heard).isEqualTo(heardBefore);
    }

    /** Revision 2 of a document, released a day later, that no longer lists {@code productId} as affected. */
    static byte[] revisionWithout(byte[] v1, String productId) {
        ObjectNode doc = (ObjectNode) JSON.readTree(v1);
        ObjectNode tracking = (ObjectNode) doc.path("document").path("tracking");
        tracking.put("version", "2");
        tracking.put("current_release_date", "2023-11-01T06:00:00.000000Z");
        ((ArrayNode) tracking.path("revision_history")).addObject().put("date", "2023-11-01T06:00:00.000000Z")
                .put("number", "2").put("summary", "Product withdrawn from the list");
        doc.path("vulnerabilities").forEach(v -> {
            ArrayNode affected = (ArrayNode) v.path("product_status").path("known_affected");
            for (int i = affected.size() - 1; i >= 0; i--) {
                if (affected.get(i).asString().equals(productId)) {
                    affected.remove(i);
                }
            }
        });
        return JSON.writeValueAsBytes(doc);
    }

    /** Rows in advisory_revisions and advisories, and withdrawn matches: a fingerprint of the store. */
    List<Long> counts() {
        return store.transaction(c -> {
            List<Long> out = new ArrayList<>();
            for (String sql : List.of("SELECT COUNT(*) FROM advisory_revisions", "SELECT COUNT(*) FROM advisories",
                    "SELECT COUNT(*) FROM advisory_matches WHERE state = 'withdrawn'")) {
                out.add(Sql.query(c, sql, rs -> rs.getLong(1)).get(0));
            }
            return out;
        });
    }
}
