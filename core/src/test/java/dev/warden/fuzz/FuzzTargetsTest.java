package dev.warden.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps every fuzz target of {@code fuzz/targets.txt} runnable in the ordinary test suite (regression mode): each runs
 * on the empty input, on the saved inputs under {@code fuzz/regressions/<Target>/} (past findings, kept once fixed)
 * and on seeded random bytes. The coverage-guided search itself is {@code fuzz/run}.
 */
class FuzzTargetsTest {
    private static final Path FUZZ = Path.of("..", "fuzz");

    static Stream<String> targets() throws IOException {
        return Files.readAllLines(FUZZ.resolve("targets.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void everyTargetSurvivesItsRegressionsAndRandomInput(String target) throws Exception {
        Method entry = Class.forName(target).getMethod("fuzzerTestOneInput", byte[].class);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        Path saved = FUZZ.resolve("regressions").resolve(target.substring(target.lastIndexOf('.') + 1));
        if (Files.isDirectory(saved)) {
            try (Stream<Path> files = Files.list(saved)) {
                for (Path f : files.sorted().toList()) {
                    inputs.add(Files.readAllBytes(f));
                }
            }
        }
        Random random = new Random(target.hashCode());
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[random.nextInt(2048)];
            random.nextBytes(b);
            inputs.add(b);
        }
        assertThat(inputs).hasSizeGreaterThan(300);
        for (byte[] input : inputs) {
            assertThatCode(() -> {
                try {
                    entry.invoke(null, (Object) input);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }).doesNotThrowAnyException();
        }
    }
}
