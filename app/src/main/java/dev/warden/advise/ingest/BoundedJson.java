package dev.warden.advise.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses untrusted JSON (advisories, feeds, provider metadata) strictly: the bytes must be valid UTF-8 (a strict
 * decoder, not Jackson's replacement), nesting and string lengths are bounded, and a key repeated in one object is an
 * error rather than a silent last-one-wins.
 */
final class BoundedJson {
    private final JsonMapper mapper;
    private final int maxBytes;

    BoundedJson(IngestLimits limits) {
        this.maxBytes = limits.maxDocumentBytes();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxNesting())
                        .maxStringLength(limits.maxDocumentBytes()).maxNumberLength(100).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** The document's tree, or an error that names {@code where} and what is wrong. */
    JsonNode parse(byte[] bytes, String where) throws IngestException {
        return parseText(text(bytes, where), where);
    }

    /** The bytes as text, when they are valid UTF-8 within the size limit. */
    String text(byte[] bytes, String where) throws IngestException {
        if (bytes.length > maxBytes) {
            throw new IngestException(where + ": larger than " + maxBytes + " bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            String s = chars.toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IngestException(where + ": not valid UTF-8 (near byte " + in.position() + ")");
        }
    }

    private JsonNode parseText(String text, String where) throws IngestException {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IngestException(where + ": expected a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IngestException(where + ": not acceptable JSON: " + e.getOriginalMessage());
        }
    }
}
