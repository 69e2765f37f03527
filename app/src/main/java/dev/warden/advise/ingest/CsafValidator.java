package dev.warden.advise.ingest;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a CSAF document may be imported: valid UTF-8 within the size and nesting limits, valid against the
 * CSAF 2.0 schema (when one is configured), and passing the {@link MandatoryTests}. A rejection lists the first
 * problems with their JSON pointers.
 */
public final class CsafValidator {
    private static final int MAX_LISTED = 10;

    private final BoundedJson json;
    private final CsafSchema schema;

    /** @param schema the schema to validate against, or null to run the mandatory tests only */
    public CsafValidator(IngestLimits limits, CsafSchema schema) {
        this.json = new BoundedJson(limits);
        this.schema = schema;
    }

    /** Whether documents are validated against the schema, not only by the mandatory tests. */
    public boolean hasSchema() {
        return schema != null;
    }

    /** The document's tree when it is acceptable. */
    public JsonNode validate(Document d) throws IngestException {
        JsonNode root = json.parse(d.bytes(), d.location());
        List<String> problems = new ArrayList<>();
        if (schema != null) {
            problems.addAll(schema.violations(root, MAX_LISTED));
        } else if (!root.path("document").path("tracking").path("id").isString()) {
            problems.add("/document/tracking/id: missing (not a CSAF document)");
        }
        if (problems.isEmpty()) {
            problems.addAll(MandatoryTests.failures(root, MAX_LISTED));
        }
        if (!problems.isEmpty()) {
            throw new IngestException(d.location() + ": not a valid CSAF 2.0 document: " + String.join("; ", problems));
        }
        return root;
    }
}
