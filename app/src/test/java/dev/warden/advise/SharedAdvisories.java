package dev.warden.advise;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real CSAF documents and schemas in {@code ../shared/data/advisories}, next to the repository; tests skip without them. */
public final class SharedAdvisories {
    public static final Path ROOT = Path.of("../../shared/data/advisories");

    private SharedAdvisories() {
    }

    /** The schema directory (CSAF 2.0 + CVSS), or the test is skipped. */
    public static Path schema() {
        Path p = ROOT.resolve("schema");
        assumeTrue(Files.isRegularFile(p.resolve("csaf_json_schema.json")),
                "skipped: the CSAF schema is not at " + p.toAbsolutePath() + " (shared data absent)");
        return p;
    }

    /** The CSAF documents, or the test is skipped. */
    public static List<Path> documents() {
        Path p = ROOT.resolve("csaf");
        assumeTrue(Files.isDirectory(p), "skipped: no CSAF documents at " + p.toAbsolutePath() + " (shared data absent)");
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSAF document by file name, or the test is skipped. */
    public static Path document(String name) {
        Path p = ROOT.resolve("csaf").resolve(name);
        assumeTrue(Files.isRegularFile(p), "skipped: " + p.toAbsolutePath() + " is absent (shared data absent)");
        return p;
    }
}
