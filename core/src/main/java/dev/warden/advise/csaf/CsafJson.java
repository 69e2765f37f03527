package dev.warden.advise.csaf;

import dev.warden.advise.AdvisoryException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses untrusted advisory JSON (CSAF documents, the KEV catalog) into a tree within fixed limits, so a hostile
 * document — huge, deeply nested, with endless strings, duplicate keys or invalid UTF-8 — fails with a clear message
 * instead of exhausting memory.
 */
public final class CsafJson {
    /** Largest document accepted. The largest real CSAF document seen (Mobotix, 1,283 relationships) is 542 KB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Deepest nesting accepted; product trees in practice stay under 20 levels. */
    public static final int MAX_DEPTH = 64;
    /** Longest string accepted. */
    public static final int MAX_STRING = 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_BYTES)
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .maxNameLength(1024)
                            .maxNumberLength(64)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .build();

    private CsafJson() {
    }

    /** The JSON tree of {@code json}; {@code source} names it in messages. */
    public static JsonNode parse(byte[] json, String source) throws AdvisoryException {
        if (json.length > MAX_BYTES) {
            throw new AdvisoryException(source + ": " + json.length + " bytes, more than the " + MAX_BYTES + " accepted");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new AdvisoryException(source + ": not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            String what = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            String where = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? ":" + e.getLocation().getLineNr() : "";
            throw new AdvisoryException(source + where + ": not valid JSON: " + what, e);
        }
    }
}
