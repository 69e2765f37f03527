package dev.warden.assess.wire;

import dev.warden.assess.check.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its response over a fresh connection, HTTP/1.1 or RTSP/1.0 (same framing): our own small client
 * because the checks need exact control over paths and headers, Digest, and hard limits against devices that lie
 * (garbage status lines, endless headers or bodies, chunked streams that never end).
 */
public final class WebExchange {
    /** Most header lines read before the response counts as garbage. */
    private static final int MAX_HEADERS = 100;

    private final Net net;

    public WebExchange(Net net) {
        this.net = net;
    }

    /** Sends the request to ip:port (TLS when asked) and reads the response within the limits. */
    public Response send(String ip, int port, boolean tls, boolean rtsp, WebRequest req) throws IOException {
        try (Socket s = net.open(ip, port, tls)) {
            StringBuilder head = new StringBuilder();
            head.append(req.method()).append(' ').append(req.target()).append(rtsp ? " RTSP/1.0" : " HTTP/1.1").append("\r\n");
            if (rtsp) {
                head.append("CSeq: 1\r\n");
            } else {
                head.append("Host: ").append(ip.contains(":") ? "[" + ip + "]" : ip).append(':').append(port).append("\r\n");
                head.append("Connection: close\r\n");
            }
            head.append("User-Agent: Warden\r\n");
            for (String h : req.headers()) {
                head.append(h).append("\r\n");
            }
            if (req.body() != null) {
                head.append("Content-Length: ").append(req.body().length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (req.body() != null) {
                out.write(req.body());
            }
            out.flush();
            return read(net.input(s), rtsp, req.method().equals("HEAD"));
        }
    }

    private static Response read(BoundedInput in, boolean rtsp, boolean head) throws IOException {
        String status = in.readLine();
        if (status == null) {
            throw new IOException("connection closed without a response");
        }
        String[] parts = status.split(" ", 3);
        String proto = rtsp ? "RTSP/" : "HTTP/";
        int code;
        try {
            if (!parts[0].startsWith(proto) || parts.length < 2) {
                throw new NumberFormatException();
            }
            code = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not a" + (rtsp ? "n RTSP" : "n HTTP") + " response: " + Evidence.clip(status, 40));
        }
        List<String> headers = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                break;
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " header lines");
            }
            headers.add(line);
        }
        Response bare = new Response(code, headers, null, Map.of());
        byte[] body;
        String length = bare.header("Content-Length");
        String encoding = bare.header("Transfer-Encoding");
        if (head || code == 204 || code == 304 || (code >= 100 && code < 200)) {
            body = new byte[0];
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + Evidence.clip(length, 20));
            }
            if (n < 0) {
                throw new IOException("negative Content-Length");
            }
            body = in.readUpTo(n);
        } else {
            body = rtsp ? new byte[0] : in.readToEnd();
        }
        return new Response(code, headers, body, Map.of());
    }

    private static byte[] chunked(BoundedInput in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (!in.capped()) {
            String sizeLine = in.readLine();
            if (sizeLine == null) {
                break;
            }
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + Evidence.clip(sizeLine, 20));
            }
            if (size == 0) {
                break;
            }
            out.write(in.readUpTo(size));
            in.readLine();
        }
        return out.toByteArray();
    }
}
