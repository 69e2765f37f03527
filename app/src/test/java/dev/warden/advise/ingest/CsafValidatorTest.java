package dev.warden.advise.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.advise.SharedAdvisories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CsafValidatorTest {
    private static final IngestLimits LIMITS = IngestLimits.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CsafValidator withSchema() throws IngestException {
        return new CsafValidator(LIMITS, CsafSchema.load(SharedAdvisories.schema()));
    }

    @Test
    void everyRealDocumentIsValid() throws Exception {
        CsafValidator v = withSchema();
        for (Path p : SharedAdvisories.documents()) {
            JsonNode root = v.validate(new Document(p.toString(), Files.readAllBytes(p)));
            assertThat(root.path("document").path("tracking").path("id").asString()).as(p.toString()).isNotBlank();
        }
    }

    @Test
    void schemaViolationsAreListedWithPointers() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readAllBytes(SharedAdvisories.document("oasis-bsi-2022-0001.json")));
        ((ObjectNode) doc.path("document")).put("category", 42);
        ((ObjectNode) doc.path("document").path("tracking")).remove("id");
        assertThatThrownBy(() -> withSchema().validate(new Document("bad.json", JSON.writeValueAsBytes(doc))))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("bad.json: not a valid CSAF 2.0 document")
                .hasMessageContaining("/document/category")
                .hasMessageContaining("/document/tracking");
    }

    @Test
    void undefinedAndDoubleProductIdsFailTheMandatoryTests() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readAllBytes(SharedAdvisories.document("oasis-cisco-sa-20180328-smi2.json")));
        ArrayNode affected = (ArrayNode) doc.path("vulnerabilities").get(0).path("product_status").withArray("known_affected");
        affected.add("CSAFPID-NOWHERE");
        assertThatThrownBy(() -> withSchema().validate(new Document("x.json", JSON.writeValueAsBytes(doc))))
                .hasMessageContaining("/vulnerabilities/0/product_status/known_affected/")
                .hasMessageContaining("6.1.1 product id 'CSAFPID-NOWHERE' is referenced but never defined");

        String twice = """
                {"document": {"tracking": {"id": "T-1"}}, "product_tree": {"full_product_names": [
                  {"name": "a", "product_id": "P1"}, {"name": "b", "product_id": "P1"}]}}""";
        assertThatThrownBy(() -> new CsafValidator(LIMITS, null).validate(new Document("t.json", twice.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("/product_tree/full_product_names/1/product_id: 6.1.2 product id 'P1' is already defined at /product_tree/full_product_names/0/product_id");
    }

    @Test
    void hostileBytesAreRejectedWithAClearReason() {
        CsafValidator v = new CsafValidator(LIMITS, null);
        byte[] badUtf8 = "{\"document\": {\"title\": \"caf\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> v.validate(new Document("latin1.json", badUtf8)))
                .hasMessageContaining("latin1.json: not valid UTF-8");

        String deep = "[".repeat(1000) + "]".repeat(1000);
        String nested = "{\"document\": " + deep + "}";
        assertThatThrownBy(() -> v.validate(new Document("deep.json", nested.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("deep.json")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("nesting depth");

        byte[] huge = new byte[LIMITS.maxDocumentBytes() + 1];
        assertThatThrownBy(() -> v.validate(new Document("huge.json", huge)))
                .hasMessageContaining("huge.json: larger than " + LIMITS.maxDocumentBytes() + " bytes");

        String dup = "{\"document\": {\"tracking\": {\"id\": \"A\", \"id\": \"B\"}}}";
        assertThatThrownBy(() -> v.validate(new Document("dup.json", dup.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("Duplicate");
    }

    @Test
    void aBadLimitsFileNamesTheField() {
        assertThatThrownBy(() -> IngestLimits.parse("x.yaml", "max-documents: -1\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("x.yaml: max-document-bytes: expected a positive whole number");
        assertThatThrownBy(() -> IngestLimits.parse("x.yaml", "max-dokuments: 3\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("x.yaml: max-dokuments: unknown field");
    }
}
