package dev.warden.watch.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where rule files come from: Warden's own under {@code content/rules/} on the class path, or a directory a user
 * points at ({@code warden watch --rules DIR}), where a file of the same name replaces the shipped one.
 */
public final class RuleSource {
    private static final String PREFIX = "content/rules/";
    private final Path dir;

    private RuleSource(Path dir) {
        this.dir = dir;
    }

    /** The shipped rules only. */
    public static RuleSource classpath() {
        return new RuleSource(null);
    }

    /** Files in {@code dir} first, the shipped rules for the rest. */
    public static RuleSource overriddenBy(Path dir) {
        return new RuleSource(Objects.requireNonNull(dir, "dir"));
    }

    /** Where {@code file} is read from, for error messages. */
    public String describe(String file) {
        if (dir != null && Files.isRegularFile(dir.resolve(file))) {
            return dir.resolve(file).toString();
        }
        return PREFIX + file;
    }

    /** The bytes of {@code file} (e.g. {@code scan.yaml}); a missing file is a {@link RulesException}. */
    public byte[] read(String file) {
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(file))) {
                return Files.readAllBytes(dir.resolve(file));
            }
            try (InputStream in = RuleSource.class.getClassLoader().getResourceAsStream(PREFIX + file)) {
                if (in == null) {
                    throw new RulesException(PREFIX + file + " is missing from the class path");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
