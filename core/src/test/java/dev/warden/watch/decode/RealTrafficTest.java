package dev.warden.watch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every capture under the shared real-traffic folder (never copied into the repository) to the end, checks
 * packet counts against Wireshark's {@code capinfos}, and prints decode reasons and a throughput figure.
 * Skips when the folder is absent; skips the cross-check when {@code capinfos} is not installed.
 */
class RealTrafficTest {
    private static final Path TRAFFIC = Path.of("../../shared/data/traffic");
    private static final Pattern CAPINFOS_COUNT = Pattern.compile("Number of packets:\\s+(\\d+)");

    private static List<Path> captures() throws IOException {
        assumeTrue(Files.isDirectory(TRAFFIC), "real traffic folder " + TRAFFIC.toAbsolutePath() + " is absent");
        try (Stream<Path> files = Files.walk(TRAFFIC)) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static long readAndDecode(PcapReader reader, PacketDecoder decoder, PacketView view) throws IOException {
        long n = 0;
        try (reader) {
            while (reader.next()) {
                decoder.decode(reader, view);
                n++;
            }
        }
        return n;
    }

    /** capinfos' packet count, or -1 when capinfos is not installed. */
    private static long capinfosCount(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("capinfos", "-c", "-M", file.toString()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return -1;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Matcher m = CAPINFOS_COUNT.matcher(out);
        assertThat(m.find()).as("capinfos output for %s: %s", file, out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyRealCaptureReadsToTheEndWithCapinfosCounts() throws Exception {
        List<Path> files = captures();
        assertThat(files).isNotEmpty();
        DecodeStats total = new DecodeStats();
        boolean crossChecked = false;
        for (Path file : files) {
            DecodeStats stats = new DecodeStats();
            long read = readAndDecode(PcapReader.open(file, stats), new PacketDecoder(stats), new PacketView());
            long expected = capinfosCount(file);
            System.out.printf("%-70s %7d packets  capinfos %7s  %s%n", TRAFFIC.relativize(file), read,
                    expected < 0 ? "n/a" : expected, stats.nonZero());
            if (expected >= 0) {
                crossChecked = true;
                assertThat(read).as("packets in %s", file).isEqualTo(expected);
            }
            assertThat(stats.packets()).isEqualTo(read);
            total.add(stats);
        }
        if (!crossChecked) {
            System.out.println("capinfos not installed: packet counts not cross-checked (apt-get install tshark)");
        }
        System.out.println("all real captures: " + total);
        assertThat(total.packets()).isPositive();
    }

    /** Prints read+decode packets per second on the largest capture held in memory; never asserted. */
    @Test
    void throughputOnLargestCapture() throws IOException {
        Path largest = captures().stream().max(Comparator.comparingLong(RealTrafficTest::size)).orElseThrow();
        byte[] bytes = Files.readAllBytes(largest);
        DecodeStats stats = new DecodeStats();
        PacketDecoder decoder = new PacketDecoder(stats);
        PacketView view = new PacketView();
        long packets = 0;
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            packets += readAndDecode(new PcapReader(new ByteArrayInputStream(bytes), stats), decoder, view);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput: %s (%d bytes): %.1f M packets/s, %.0f MB/s read+decode, one thread%n",
                largest.getFileName(), bytes.length, packets / seconds / 1e6, stats.bytes() / seconds / 1e6);
        assertThat(packets).isPositive();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
