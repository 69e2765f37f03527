package dev.warden.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret references: env:NAME and file:PATH resolve; anything else, or a reference to nothing, is refused. */
class SecretRefTest {
    @TempDir
    Path tmp;

    @Test
    void referencesResolveAndMistakesAreNamed() throws Exception {
        assertThat(SecretRef.resolve("env:HOOK", Map.of("HOOK", "s3cret")::get)).isEqualTo("s3cret");
        Path f = tmp.resolve("hook.secret");
        Files.writeString(f, "  file-s3cret  \nsecond line ignored\n");
        assertThat(SecretRef.resolve("file:" + f, k -> null)).isEqualTo("file-s3cret");
        assertThatThrownBy(() -> SecretRef.resolve("env:MISSING", k -> null)).hasMessageContaining("not set");
        assertThatThrownBy(() -> SecretRef.resolve("file:" + tmp.resolve("none"), k -> null)).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> SecretRef.validate("s3cret")).hasMessageContaining("must be env:NAME or file:PATH")
                .hasMessageNotContaining("s3cret");
    }
}
