package dev.warden.advise.ingest;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.csaf.CsafJson;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Parses untrusted JSON (advisories, feeds, provider metadata): at most the configured size, strictly valid UTF-8
 * (a strict decoder that says where, before Jackson sees a byte), then {@link CsafJson}'s bounded parse (nesting,
 * string lengths, duplicate keys).
 */
final class BoundedJson {
    private final int maxBytes;

    BoundedJson(IngestLimits limits) {
        this.maxBytes = limits.maxDocumentBytes();
    }

    /** The document's tree, or an error that names {@code where} and what is wrong. */
    JsonNode parse(byte[] bytes, String where) throws IngestException {
        text(bytes, where);
        try {
            return CsafJson.parse(bytes, where);
        } catch (AdvisoryException e) {
            throw new IngestException(e.getMessage(), e);
        }
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
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IngestException(where + ": not valid UTF-8 (near byte " + in.position() + ")");
        }
    }
}
