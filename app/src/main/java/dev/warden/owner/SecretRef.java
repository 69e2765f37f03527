package dev.warden.owner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a secret is kept, so the store and every output hold only the reference: {@code env:NAME} (an environment
 * variable) or {@code file:PATH} (the file's first line; at most 4 KiB is read).
 */
public final class SecretRef {
    private static final int MAX_FILE = 4096;

    private SecretRef() {
    }

    /** Checks the form of a reference; the message says what is expected. */
    public static String validate(String ref) {
        if (ref == null || !(ref.startsWith("env:") && ref.length() > 4 || ref.startsWith("file:") && ref.length() > 5)) {
            throw new IllegalArgumentException("a secret reference must be env:NAME or file:PATH (never the secret itself, which is not repeated here)");
        }
        return ref;
    }

    /**
     * Reads the secret a reference names.
     *
     * @param env the environment to look up {@code env:} names in (System::getenv outside tests)
     * @throws IllegalArgumentException when the reference is malformed or names nothing
     */
    public static String resolve(String ref, Function<String, String> env) {
        validate(ref);
        if (ref.startsWith("env:")) {
            String v = env.apply(ref.substring(4));
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("secret " + ref + ": the environment variable is not set");
            }
            return v;
        }
        Path p = Path.of(ref.substring(5));
        try (var in = Files.newInputStream(p)) {
            String s = new String(in.readNBytes(MAX_FILE), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("secret " + ref + ": the file is empty");
            }
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("secret " + ref + ": cannot read it: " + e.getMessage(), e);
        }
    }
}
