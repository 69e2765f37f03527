package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.Captures;
import dev.warden.watch.decode.Packets;
import dev.warden.watch.flow.FlowTable;
import dev.warden.watch.pipeline.WatchPipeline;
import dev.warden.watch.replay.PcapReplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A synthetic Ethernet capture built packet by packet, then replayed through the whole pipeline with every detector. */
final class Capture {
    static final long T0 = 1_700_000_000L;
    private final ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    private long micros;

    Capture() {
        pcap.writeBytes(Captures.pcapHeader(false, false, 1));
    }

    /** Moves the clock on by {@code gapMicros}. */
    Capture after(long gapMicros) {
        micros += gapMicros;
        return this;
    }

    Capture tcp(String src, int sp, String dst, int dp, long seq, int flags, String payload) {
        return ip(Packets.ipv4(6, src, dst, Packets.tcp(sp, dp, seq, 1, flags, new byte[0], bytes(payload))));
    }

    Capture udp(String src, int sp, String dst, int dp, byte[] payload) {
        return ip(Packets.ipv4(17, src, dst, Packets.udp(sp, dp, payload)));
    }

    /** Mirai's "greip": an inner IPv4/UDP packet in GRE from {@code src} to {@code dst}. */
    Capture greIp(String src, String dst, int sp, int dp) {
        byte[] inner = Packets.ipv4(17, src, dst, Packets.udp(sp, dp, new byte[512]));
        return ip(Packets.ipv4(47, src, dst, Packets.gre(0x0800, null, null, null, inner)));
    }

    private Capture ip(byte[] packet) {
        byte[] frame = Packets.eth(0x0800, packet);
        pcap.writeBytes(Captures.pcapRecord(false, T0 + micros / 1_000_000, micros % 1_000_000, frame, frame.length));
        return this;
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Replays the capture through every detector and returns the alerts. */
    List<Alert> replay(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "synthetic", ".pcap");
        Files.write(file, pcap.toByteArray());
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = new WatchPipeline(Detectors.all(DetectorContext.defaults()),
                FlowTable.Config.defaults(), alerts::add);
        assertThat(PcapReplay.run(file, pipeline).malformedTotal()).isZero();
        return alerts;
    }
}
