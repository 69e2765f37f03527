package dev.warden.discover.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.evidence.EvidenceKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A flaky device resets some connections at once: the HTTP probe asks again (up to {@link Http#ATTEMPTS} connections)
 * instead of leaving the device unnamed, and never asks again after a timeout. A one-file server on 127.77.1.251 with
 * an ephemeral port plays the device, so the test never collides with a lab on the same address.
 */
class HttpRetryTest {
    private static final ProbeSettings FAST = new ProbeSettings(500, 700, 500, 500, 500);
    private static final String PAGE = "HTTP/1.0 200 OK\r\nServer: Netwave IP Camera\r\n\r\n<title>cam</title>";

    /** Resets the first {@code resets} connections, then answers every request with {@code answer} (or stays silent if null). */
    private static final class Device implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();

        Device(int resets, String answer) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getByName("127.77.1.251"));
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        if (connections.incrementAndGet() <= resets) {
                            s.setSoLinger(true, 0);
                            s.close();
                        } else {
                            Thread.ofVirtual().start(() -> answer(s, answer));
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void answer(Socket s, String answer) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.read(new byte[4096]);
                if (answer == null) {
                    Thread.sleep(2_000);
                    return;
                }
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException | InterruptedException e) {
                // the probe hung up first: nothing to serve
            }
        }

        InetAddress ip() {
            return server.getInetAddress();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void aFrontPageResetTwiceIsAskedAgainAndNamesTheServer() throws Exception {
        try (Device d = new Device(2, PAGE)) {
            Recorder r = new Recorder();
            assertThat(new HttpProbe(FAST, List.of()).probe(d.ip(), d.server.getLocalPort(), false, r)).isTrue();
            assertThat(r.first(EvidenceKeys.HTTP_SERVER)).isEqualTo("Netwave IP Camera");
            assertThat(r.first(EvidenceKeys.HTTP_TITLE)).isEqualTo("cam");
        }
    }

    @Test
    void aDeviceThatResetsEveryConnectionCostsThreeConnectionsAndANote() throws Exception {
        try (Device d = new Device(Integer.MAX_VALUE, PAGE)) {
            Recorder r = new Recorder();
            assertThat(new HttpProbe(FAST, List.of()).probe(d.ip(), d.server.getLocalPort(), false, r)).isFalse();
            assertThat(d.connections).hasValue(Http.ATTEMPTS);
            assertThat(r.observations()).isEmpty();
            assertThat(r.notes()).singleElement().asString().startsWith("http " + d.server.getLocalPort() + ": ");
        }
    }

    @Test
    void aTimeoutIsNotAskedAgain() throws Exception {
        try (Device d = new Device(0, null)) {
            Recorder r = new Recorder();
            assertThat(new HttpProbe(FAST, List.of()).probe(d.ip(), d.server.getLocalPort(), false, r)).isFalse();
            assertThat(d.connections).hasValue(1);
            assertThat(r.notes()).singleElement().asString().contains("timed out");
        }
    }
}
