package dev.warden.watch.detect.c2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.decode.Captures;
import dev.warden.watch.decode.PacketView;
import dev.warden.watch.decode.Packets;
import dev.warden.watch.detect.Alert;
import dev.warden.watch.detect.DetectorContext;
import dev.warden.watch.detect.Detectors;
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
import java.util.Set;

/** Writes a synthetic Ethernet/IPv4 capture packet by packet and replays it through the C2 detectors. */
final class Trace {
    static final int SYN = PacketView.TCP_SYN;
    static final int ACK = PacketView.TCP_ACK;
    static final int PSH_ACK = PacketView.TCP_PSH | PacketView.TCP_ACK;
    static final int FIN_ACK = PacketView.TCP_FIN | PacketView.TCP_ACK;
    static final int RST = PacketView.TCP_RST;
    private static final long T0 = 1_700_000_000L;

    private final ByteArrayOutputStream pcap = new ByteArrayOutputStream();
    private long micros;

    Trace() {
        pcap.writeBytes(Captures.pcapHeader(false, false, 1));
    }

    /** Moves the clock on without a packet. */
    Trace pause(long gapMicros) {
        micros += gapMicros;
        return this;
    }

    /** A TCP segment {@code gapMicros} after the previous packet, carrying {@code text} (may be empty). */
    Trace tcp(long gapMicros, String src, int sp, String dst, int dp, int flags, String text) {
        byte[] payload = text.getBytes(StandardCharsets.ISO_8859_1);
        return frame(gapMicros, Packets.ipv4(6, src, dst, Packets.tcp(sp, dp, 1000, 1, flags, new byte[0], payload)));
    }

    Trace udp(long gapMicros, String src, int sp, String dst, int dp, int size) {
        return frame(gapMicros, Packets.ipv4(17, src, dst, Packets.udp(sp, dp, new byte[size])));
    }

    /** A completed TCP handshake from {@code client} to {@code server}. */
    Trace connect(long gapMicros, String client, int cp, String server, int sp) {
        return tcp(gapMicros, client, cp, server, sp, SYN, "").tcp(20_000, server, sp, client, cp, SYN | ACK, "")
                .tcp(500, client, cp, server, sp, ACK, "");
    }

    /** A client line (CR LF added) and the server's ACK. */
    Trace say(String client, int cp, String server, int sp, String line) {
        return tcp(100_000, client, cp, server, sp, PSH_ACK, line + "\r\n");
    }

    /** A line from the server to the client. */
    Trace hear(String server, int sp, String client, int cp, String line) {
        return tcp(100_000, server, sp, client, cp, PSH_ACK, line + "\r\n");
    }

    private Trace frame(long gapMicros, byte[] ip) {
        micros += gapMicros;
        byte[] frame = Packets.eth(0x0800, ip);
        pcap.writeBytes(Captures.pcapRecord(false, T0 + micros / 1_000_000, micros % 1_000_000, frame, frame.length));
        return this;
    }

    /** Replays the capture through the three C2 detectors with the shipped rules. */
    List<Alert> replay(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "c2", ".pcap");
        Files.write(file, pcap.toByteArray());
        List<Alert> alerts = new ArrayList<>();
        WatchPipeline pipeline = c2Pipeline(alerts);
        assertThat(PcapReplay.run(file, pipeline).malformedTotal()).isZero();
        return alerts;
    }

    /** A pipeline of the three C2 detectors with the shipped rules, collecting into {@code alerts}. */
    static WatchPipeline c2Pipeline(List<Alert> alerts) {
        return new WatchPipeline(Detectors.only(DetectorContext.defaults(),
                Set.of(IrcC2Detector.NAME, BeaconDetector.NAME, FailoverDetector.NAME)), FlowTable.Config.defaults(),
                alerts::add);
    }

    /** The alerts of one signal. */
    static List<Alert> signal(List<Alert> alerts, String signal) {
        return alerts.stream().filter(a -> a.evidence().startsWith(signal + ": ")).toList();
    }
}
