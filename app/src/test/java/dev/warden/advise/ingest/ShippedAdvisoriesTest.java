package dev.warden.advise.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.advise.SharedAdvisories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Warden's own advisories ({@code content/advisories/*.json}) are CSAF 2.0 like any other: schema and mandatory tests. */
class ShippedAdvisoriesTest {
    private static final Path SHIPPED = Path.of("../content/advisories");

    @Test
    void everyShippedAdvisoryValidates() throws Exception {
        List<Path> docs;
        try (Stream<Path> s = Files.exists(SHIPPED) ? Files.list(SHIPPED) : Stream.empty()) {
            docs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assumeTrue(!docs.isEmpty(), "skipped: no advisories shipped in " + SHIPPED.toAbsolutePath() + " yet");
        CsafValidator validator = new CsafValidator(IngestLimits.load(), CsafSchema.load(SharedAdvisories.schema()));
        for (Path p : docs) {
            assertThat(validator.validate(new Document(p.toString(), Files.readAllBytes(p))).path("document").path("csaf_version")
                    .asString()).as(p.toString()).isEqualTo("2.0");
        }
    }
}
