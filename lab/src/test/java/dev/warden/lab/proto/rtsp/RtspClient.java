package dev.warden.lab.proto.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare RTSP client for the tests: a plain socket, raw request text, responses read by hand. */
final class RtspClient implements AutoCloseable {
    /** One response: status, headers in order (names as sent), body. */
    record Response(int status, String statusLine, List<String[]> headers, String body) {
        String header(String name) {
            List<String> all = headers(name);
            return all.isEmpty() ? null : all.getFirst();
        }

        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    out.add(h[1]);
                }
            }
            return out;
        }
    }

    private final Socket socket;
    private final InputStream in;

    /** Connects from the given local address (null: any), so lock-out tests can use their own client address. */
    RtspClient(String ip, int port, String from) throws IOException {
        // Default receive buffer on purpose. A tiny one (8 KiB) on loopback, whose MSS is ~64 KiB, makes the kernel
        // advertise a window smaller than the MSS the server's side settles on; the server's TCP then sends only on
        // its persist timer, ~6 KiB every 200 ms, so a big backlog drains at ~30 KiB/s and the server's idle timeout
        // closes the connection mid-test. Piling up 20,000 responses backs the server up without it.
        socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(ip, port), 2000);
        socket.setSoTimeout(3000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    RtspClient(String ip, int port) throws IOException {
        this(ip, port, null);
    }

    void send(String raw) throws IOException {
        socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Sends one request with the given extra header lines ("Name: value") and reads the response. */
    Response request(String method, String uri, int cseq, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder(method + " " + uri + " RTSP/1.0\r\nCSeq: " + cseq + "\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        send(sb.append("User-Agent: warden-test\r\n\r\n").toString());
        return read();
    }

    Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("connection closed before a response");
        }
        List<String[]> headers = new ArrayList<>();
        int length = 0;
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            String[] h = {l.substring(0, colon), l.substring(colon + 1).strip()};
            headers.add(h);
            if (h[0].equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h[1]);
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(status.split(" ")[1]), status, headers, body);
    }

    /** Whether the server has closed the connection (end of stream before the read timeout). */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
