package dev.warden.discover.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Body framing on a real socket (127.77.211.251): chunked bodies are joined, and cut only past the limit. */
class ReplyTest {
    private static Reply serve(String answer, int limit) throws IOException {
        InetAddress ip = InetAddress.getByName("127.77.211.251");
        try (ServerSocket server = new ServerSocket(0, 1, ip)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the test fails on the reading side
                }
            });
            try (Conn c = Conn.open(ip, server.getLocalPort(), 1000, 2000)) {
                return Reply.read(c, "HTTP", limit, true);
            }
        }
    }

    @Test
    void chunkedBodiesAreJoinedAndCutOnlyPastTheLimit() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nServer: t\r\n\r\n"
                + "6\r\nhello \r\n5;ext=1\r\nworld\r\n0\r\n\r\n";
        Reply whole = serve(chunked, 11);
        assertThat(whole.bodyText()).isEqualTo("hello world");
        assertThat(whole.truncated()).isFalse();
        assertThat(whole.header("SERVER")).isEqualTo("t");
        Reply cut = serve(chunked, 8);
        assertThat(cut.bodyText()).isEqualTo("hello wo");
        assertThat(cut.truncated()).isTrue();
    }

    @Test
    void contentLengthAndConnectionEndFrameTheBody() throws IOException {
        assertThat(serve("HTTP/1.0 404 Not Found\r\nContent-Length: 3\r\n\r\nabcdef", 100).bodyText()).isEqualTo("abc");
        Reply untilClose = serve("HTTP/1.0 200 OK\r\n\r\nto the end", 100);
        assertThat(untilClose.status()).isEqualTo(200);
        assertThat(untilClose.bodyText()).isEqualTo("to the end");
    }
}
