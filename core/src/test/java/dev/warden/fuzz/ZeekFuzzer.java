package dev.warden.fuzz;

import dev.warden.watch.zeek.ZeekConnReader;
import dev.warden.watch.zeek.ZeekStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz target: any bytes as a Zeek conn.log (TSV with or without headers, JSON lines, IoT-23's label columns) through
 * the reader; a bad line is a counted skip, never an exception.
 */
public final class ZeekFuzzer {
    private ZeekFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        try (ZeekConnReader reader = new ZeekConnReader(new ByteArrayInputStream(data), new ZeekStats())) {
            while (reader.next()) {
                reader.flow();
            }
        }
    }
}
