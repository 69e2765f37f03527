package dev.warden.advise.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The limits every advisory read obeys, kept as data in {@code content/advise/ingest.yaml}: advisories are untrusted
 * input, so each document, feed and provider is bounded in size, count and time (nesting and string lengths are
 * bounded by {@link dev.warden.advise.csaf.CsafJson}).
 *
 * @param maxDocumentBytes largest document, feed, index or provider-metadata read
 * @param maxDocuments     most documents read from one directory or provider
 * @param connectTimeout   per request connect timeout
 * @param requestDeadline  per request deadline for headers and body together
 * @param maxRedirects     redirects followed per request
 */
public record IngestLimits(int maxDocumentBytes, int maxDocuments, Duration connectTimeout,
                           Duration requestDeadline, int maxRedirects) {
    public static final String RESOURCE = "content/advise/ingest.yaml";
    private static final Set<String> FIELDS =
            Set.of("max-document-bytes", "max-documents", "connect-seconds", "request-seconds", "max-redirects");

    /** Loads the shipped limits; a missing or bad file is an error naming the file and the field. */
    public static IngestLimits load() {
        try (InputStream in = IngestLimits.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates a limits document. */
    static IngestLimits parse(String source, byte[] yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalStateException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(source + ": expected a mapping of " + FIELDS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                throw new IllegalStateException(source + ": " + name + ": unknown field (expected one of " + FIELDS + ")");
            }
        }
        return new IngestLimits(positive(source, root, "max-document-bytes"), positive(source, root, "max-documents"),
                Duration.ofSeconds(positive(source, root, "connect-seconds")),
                Duration.ofSeconds(positive(source, root, "request-seconds")), positive(source, root, "max-redirects"));
    }

    private static int positive(String source, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
            throw new IllegalStateException(source + ": " + field + ": expected a positive whole number");
        }
        return n.asInt();
    }
}
