package dev.warden.advise.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The raw bytes of one advisory and where they came from (a file path or a URL), before any parsing.
 *
 * @param location the file path or URL, shown in messages and stored with the revision
 * @param bytes    the document as read, never more than {@link IngestLimits#maxDocumentBytes()}
 */
public record Document(String location, byte[] bytes) {
    public Document {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The lower-case hex digest of the bytes with a JDK algorithm, e.g. {@code SHA-256}. */
    public String digest(String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
