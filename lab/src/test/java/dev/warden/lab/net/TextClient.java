package dev.warden.lab.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A blocking test client for the lab's line services: text is ISO-8859-1, so every byte is one char. */
public final class TextClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;

    public TextClient(String ip, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(ip, port), 3000);
        socket.setSoTimeout(4000);
        in = socket.getInputStream();
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Reads up to and including {@code marker}; fails on time-out or end of stream first. */
    public String readUntil(String marker) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before '" + marker + "'; got: " + text(got));
            }
            got.write(b);
            if (text(got).endsWith(marker)) {
                return text(got);
            }
        }
    }

    /** Reads until the server closes; fails if it does not within the socket time-out. */
    public String readToEnd() throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            in.transferTo(got);
        } catch (SocketTimeoutException e) {
            throw new IOException("still open; got: " + text(got), e);
        }
        return text(got);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
