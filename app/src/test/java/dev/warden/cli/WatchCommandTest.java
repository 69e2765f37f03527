package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.cli.MainTest.Run;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code warden watch --pcap} end to end: a raw-IP capture of a Mirai-style telnet sweep written here, bad files, and
 * the shared real captures (never copied into the repository; skipped with a message when the folder is absent).
 */
class WatchCommandTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private Run watch(Path file, String... more) {
        String[] args = Stream.concat(Stream.of("watch", "--home", tmp.resolve("home").toString(), "--pcap",
                file.toString()), Stream.of(more)).toArray(String[]::new);
        return MainTest.run(args);
    }

    /** Classic pcap, LINKTYPE_RAW, one SYN per target from 10.9.9.9 to 10.20.0.1.. on port 23 with seq = target. */
    private Path miraiSweep(int targets) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + targets * (16 + 40));
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        int src = 0x0A090909;
        for (int i = 0; i < targets; i++) {
            int dst = 0x0A140001 + i;
            b.putInt(1_700_000_000).putInt(i * 1000).putInt(40).putInt(40);
            b.putInt(0x45000028).putInt(0).putInt(0x40060000).putInt(src).putInt(dst);
            b.putShort((short) (40000 + i)).putShort((short) 23).putInt(dst).putInt(0).putShort((short) 0x5002)
                    .putShort((short) 1024).putInt(0);
        }
        Path file = tmp.resolve("sweep.pcap");
        Files.write(file, b.array());
        return file;
    }

    @Test
    void aTelnetSweepIsOneJsonScanAlert() throws IOException {
        Run r = watch(miraiSweep(100), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode a = JSON.readTree(lines.get(0));
        assertThat(a.get("host").asString()).isEqualTo("10.9.9.9");
        assertThat(a.get("kind").asString()).isEqualTo("scan");
        assertThat(a.get("severity").asString()).isEqualTo("high");
        assertThat(a.get("ts").asString()).startsWith("2023-11-14T22:13:20");
        assertThat(a.get("peers").get(0).asString()).isEqualTo("10.20.0.1");
        assertThat(a.get("evidence").asString()).contains("Mirai SYN signature: 64 of 64");
    }

    @Test
    void theTextOutputEndsWithTheSummary() throws IOException {
        Run r = watch(miraiSweep(10));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 alerts; 10 packets, 0 malformed, by reason {}; 10 flows from 10 packets");
    }

    @Test
    void aMissingOrCorruptFileIsBadInput() throws IOException {
        assertThat(watch(tmp.resolve("nope.pcap")).code()).isEqualTo(ExitCode.BAD_CONFIG);
        Path garbage = tmp.resolve("garbage.pcap");
        Files.writeString(garbage, "this is not a capture at all");
        Run r = watch(garbage);
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("not a readable pcap").contains("decode.pcap.bad-magic");
    }

    @Test
    void realCapturesRunWithoutError() throws IOException {
        if (!Files.isDirectory(TRAFFIC)) {
            System.out.println("skipped: real traffic folder " + TRAFFIC.toAbsolutePath() + " is absent");
            return;
        }
        for (String folder : List.of("iot23-3-1-c2", "floods", "parser-fixtures")) {
            try (Stream<Path> files = Files.list(TRAFFIC.resolve(folder))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList()) {
                    Run r = watch(f);
                    assertThat(r.code()).as(f + ": " + r.err()).isZero();
                    System.out.println("== " + folder + "/" + f.getFileName() + "\n" + r.out().strip());
                }
            }
        }
    }
}
