package dev.warden.discover.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP or RTSP answer read with limits: status line, headers (names lower-cased, at most 16 KB in all) and a body
 * of at most {@code maxBody} bytes, framed by Content-Length, chunked encoding or (HTTP only) the connection's end.
 *
 * @param status    the status code
 * @param headers   first value of each header, by lower-case name
 * @param body      the body, cut at the limit
 * @param truncated true when the body went on past the limit
 */
public record Reply(int status, Map<String, String> headers, byte[] body, boolean truncated) {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_LINE = 8 * 1024;

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return Text.latin1(body);
    }

    /**
     * Reads one answer. {@code untilClose} says whether a body without length runs to the end of the connection
     * (HTTP/1.x with Connection: close) or is empty (RTSP).
     */
    public static Reply read(Conn c, String protocol, int maxBody, boolean untilClose) throws IOException {
        String statusLine = c.readLine(MAX_LINE);
        if (statusLine == null) {
            throw new EOFException("closed without answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith(protocol + "/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not a " + protocol + " answer: " + Text.escaped(statusLine.getBytes(StandardCharsets.ISO_8859_1), Math.min(statusLine.length(), 60)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        String line;
        while ((line = c.readLine(MAX_LINE)) != null && !line.isEmpty()) {
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new LimitException("headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = readBody(c, headers, maxBody, untilClose, body);
        return new Reply(Integer.parseInt(parts[1]), Map.copyOf(headers), body.toByteArray(), truncated);
    }

    private static boolean readBody(Conn c, Map<String, String> headers, int maxBody, boolean untilClose,
                                    ByteArrayOutputStream body) throws IOException {
        String length = headers.get("content-length");
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            while (true) {
                String size = c.readLine(MAX_LINE);
                int semi = size == null ? -1 : size.indexOf(';');
                String hex = size == null ? "" : (semi < 0 ? size : size.substring(0, semi)).strip();
                if (!hex.matches("[0-9a-fA-F]{1,7}")) {
                    throw new IOException("bad chunk size");
                }
                int n = Integer.parseInt(hex, 16);
                if (n == 0) {
                    return false;
                }
                boolean cut = n > maxBody - body.size();
                body.write(c.readExactly(Math.min(n, maxBody - body.size())));
                if (cut) {
                    return true;
                }
                c.readLine(MAX_LINE);
            }
        }
        if (length != null && length.matches("\\d{1,12}")) {
            long n = Long.parseLong(length);
            body.write(c.readExactly((int) Math.min(n, maxBody)));
            return n > maxBody;
        }
        if (!untilClose) {
            return false;
        }
        byte[] chunk = new byte[8192];
        int r;
        while (body.size() < maxBody && (r = c.read(chunk, maxBody - body.size())) > 0) {
            body.write(chunk, 0, r);
        }
        return body.size() >= maxBody;
    }
}
