package dev.warden.advise.ingest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The OASIS CSAF 2.0 JSON schema (draft 2020-12) with the FIRST CVSS schemas it references, loaded from a local
 * directory and never from the network. Warden does not ship these files (their licence terms travel separately from
 * them); the operator points at a copy with {@code --schema DIR} or {@code $WARDEN_CSAF_SCHEMA}, and without one
 * imports run the hand-written mandatory tests only, with a loud warning.
 */
public final class CsafSchema {
    /** The environment variable naming the schema directory when no option does. */
    public static final String ENV = "WARDEN_CSAF_SCHEMA";
    static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static final Map<String, String> FILES = Map.of(
            CSAF_ID, "csaf_json_schema.json",
            "https://www.first.org/cvss/cvss-v2.0.json", "cvss-v2.0.json",
            "https://www.first.org/cvss/cvss-v3.0.json", "cvss-v3.0.json",
            "https://www.first.org/cvss/cvss-v3.1.json", "cvss-v3.1.json");

    private final Schema schema;
    private final Path dir;

    private CsafSchema(Schema schema, Path dir) {
        this.schema = schema;
        this.dir = dir;
    }

    /**
     * Loads {@code csaf_json_schema.json}, {@code cvss-v2.0.json}, {@code cvss-v3.0.json} and {@code cvss-v3.1.json}
     * from {@code dir}; every reference between them resolves locally.
     */
    public static CsafSchema load(Path dir) throws IngestException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path file = dir.resolve(e.getValue());
            try {
                texts.put(e.getKey(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new IngestException("CSAF schema: cannot read " + file + ": " + ex.getMessage(), ex);
            }
        }
        try {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(texts::get));
            return new CsafSchema(registry.getSchema(SchemaLocation.of(CSAF_ID)), dir);
        } catch (RuntimeException ex) {
            throw new IngestException("CSAF schema in " + dir + " cannot be loaded: " + ex.getMessage(), ex);
        }
    }

    /** The first {@code max} schema violations, each as "JSON pointer: message"; empty when the document is valid. */
    public List<String> violations(JsonNode document, int max) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(document)) {
            if (out.size() == max) {
                break;
            }
            String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            out.add((at.isEmpty() ? "/" : at) + ": " + e.getMessage());
        }
        return out;
    }

    /** Where the schema was loaded from. */
    public Path directory() {
        return dir;
    }
}
