package dev.warden.discover;

import dev.warden.scope.Targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.discover.probe.ProbeSettings;
import dev.warden.evidence.EvidenceKeys;
import dev.warden.evidence.HostEvidence;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile devices on 127.77.211.250: each costs the scan a timeout or a cut, and a note, and the scan finishes with
 * the evidence it could get.
 */
class LiarsTest {
    private static final String IP = "127.77.211.250";
    private static final byte[] FOREVER = "A".repeat(4096).getBytes(StandardCharsets.US_ASCII);
    private static final List<AutoCloseable> SERVERS = new CopyOnWriteArrayList<>();
    private static HostEvidence evidence;

    @BeforeAll
    static void scanTheLiars() throws Exception {
        tcp(9527, out -> endless(out, FOREVER));                         // a banner that never ends
        tcp(80, out -> sleep());                                          // accepts, never answers
        tcp(81, out -> {                                                  // garbage on a web port
            write(out, "\u0000\u00ffGARBAGE\r\n\r\n");
            sleep();
        });
        tcp(443, out -> write(out, "this is not TLS\r\n"));               // a TLS port that fails the handshake
        tcp(8080, out -> {                                                // a web server with an endless body
            write(out, "HTTP/1.1 200 OK\r\nServer: liar\r\n\r\n");
            endless(out, FOREVER);
        });
        tcp(23, out -> endless(out, new byte[] {(byte) 255, (byte) 253, 1})); // telnet that negotiates forever
        udp(3702, "<not-xml");                                            // WS-Discovery garbage
        ProbeSettings fast = new ProbeSettings(1000, 2000, 1000, 1000, 500);
        List<HostEvidence> seen = new ArrayList<>();
        new DiscoveryEngine(DiscoveryOptions.defaults().withProbes(fast)
                .withTcpPorts(List.of(23, 80, 81, 443, 8080, 9527, 9999)))
                .scan(Targets.parse(IP), seen::add, ProgressListener.NONE);
        assertThat(seen).hasSize(1);
        evidence = seen.get(0);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : SERVERS) {
            c.close();
        }
    }

    @Test
    void theScanFinishesWithEveryOpenPort() {
        assertThat(evidence.tcpPorts()).containsExactly(23, 80, 81, 443, 8080, 9527);
        assertThat(evidence.udpPorts()).isEmpty();
    }

    @Test
    void silenceCostsATimeoutAndANote() {
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("http 80: timed out"));
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("onvif 80: timed out"));
    }

    @Test
    void garbageIsNotedNotBelieved() {
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("http 81: not a HTTP answer"));
        assertThat(evidence.observations()).noneMatch(o -> o.port() == 81);
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("ws-discovery: unreadable answer"));
    }

    @Test
    void aFailedHandshakeIsNoted() {
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("https 443: TLS failed"));
    }

    @Test
    void endlessAnswersAreCutAtTheirLimits() {
        assertThat(evidence.values(EvidenceKeys.HTTP_SERVER)).containsExactly("liar");
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("http 8080: front page longer than"));
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("http 8080: favicon larger than"));
        assertThat(evidence.first(EvidenceKeys.BANNER)).as(evidence.notes().toString()).hasValue("A".repeat(256));
        assertThat(evidence.notes()).anySatisfy(n -> assertThat(n).startsWith("telnet 23: no greeting"));
    }

    private static void tcp(int port, Consumer<OutputStream> behaviour) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(IP), port));
        SERVERS.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    SERVERS.add(s);
                    Thread.ofVirtual().start(() -> behaviour.accept(output(s)));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void udp(int port, String answer) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(IP), port));
        SERVERS.add(socket);
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] a = answer.getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static OutputStream output(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // the scanner hung up: fine
        }
    }

    private static void endless(OutputStream out, byte[] chunk) {
        try {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the scanner hung up, as it should
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
