package dev.warden.assess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a device in a check's fixture ({@code content/checks/.../<id>.fixtures/}): it listens on
 * the device's ports and plays back what the fixture says the device answers, so a check can be proven against a
 * vulnerable and a patched device the lab does not simulate.
 *
 * <ul>
 *   <li>{@code .http}: one or more raw HTTP responses separated by a line {@code ### then}; the n-th request (on any
 *       connection) gets the n-th response, the last one repeats. Header lines may end in LF; Content-Length is added
 *       when missing; every connection is closed after its response.</li>
 *   <li>{@code .dialog}: a line dialogue played on every connection: {@code S: text} sends the text and CRLF,
 *       {@code C: prefix} reads one line from the client and hangs up unless it starts with the prefix. The
 *       connection closes at the end of the script.</li>
 * </ul>
 */
final class FixtureServer implements AutoCloseable {
    private static final String SEPARATOR = "### then";
    private static final int SOCKET_TIMEOUT_MS = 5000;
    private static final int MAX_REQUEST = 64 * 1024;

    private final List<ServerSocket> sockets = new ArrayList<>();
    private final byte[] script;
    private final boolean dialog;
    private final AtomicInteger requests = new AtomicInteger();

    private FixtureServer(byte[] script, boolean dialog) {
        this.script = script;
        this.dialog = dialog;
    }

    /** Starts serving {@code fixture} (its file name says .http or .dialog) on every port of ip. */
    static FixtureServer start(String ip, List<Integer> ports, String fixtureName, byte[] fixture) throws IOException {
        FixtureServer s = new FixtureServer(fixture, fixtureName.endsWith(".dialog"));
        try {
            for (int port : ports) {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
                s.sockets.add(ss);
                Thread.ofVirtual().start(() -> s.accept(ss));
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void accept(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket c = ss.accept();
                Thread.ofVirtual().start(() -> serve(c));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            c.setSoTimeout(SOCKET_TIMEOUT_MS);
            if (dialog) {
                playDialog(c.getInputStream(), c.getOutputStream());
            } else {
                readRequest(c.getInputStream());
                c.getOutputStream().write(response(requests.getAndIncrement()));
                c.getOutputStream().flush();
            }
        } catch (IOException e) {
            // the client hung up or timed out: the next connection starts afresh
        }
    }

    private void playDialog(InputStream in, OutputStream out) throws IOException {
        for (String line : new String(script, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("S:")) {
                out.write((strip(line.substring(2)) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else if (line.startsWith("C:")) {
                String got = readLine(in);
                if (got == null || !got.startsWith(line.substring(2).trim())) {
                    return;
                }
            }
        }
    }

    /** The text after "S: ", keeping trailing blanks (a prompt such as "# "). */
    private static String strip(String s) {
        return s.startsWith(" ") ? s.substring(1) : s;
    }

    /** One client line without its line end, telnet option bytes dropped; null when the client hung up. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int skip = 0;
        for (int ch = in.read(); ch >= 0; ch = in.read()) {
            if (skip > 0) {
                skip--;
            } else if (ch == 0xFF) {
                skip = 2;
            } else if (ch == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1).strip();
            } else if (b.size() < MAX_REQUEST) {
                b.write(ch);
            }
        }
        return null;
    }

    /** Reads one request: the head, then as many body bytes as its Content-Length says. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int ch;
        while ((ch = in.read()) >= 0 && head.size() < MAX_REQUEST) {
            head.write(ch);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(Math.min(length, MAX_REQUEST));
    }

    /** The n-th response of the fixture (the last one once they run out), head in CRLF, Content-Length set. */
    private byte[] response(int n) {
        List<byte[]> parts = split(script);
        byte[] raw = parts.get(Math.min(n, parts.size() - 1));
        int end = indexOf(raw, "\n\n".getBytes(StandardCharsets.ISO_8859_1));
        String head = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1).replace("\r", "");
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 2, raw.length);
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\n")) {
            out.append(line).append("\r\n");
        }
        if (!head.toLowerCase(Locale.ROOT).contains("\ncontent-length:")) {
            out.append("Content-Length: ").append(body.length).append("\r\n");
        }
        out.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(body);
        return b.toByteArray();
    }

    /** The responses of a fixture file, split at separator lines. */
    private static List<byte[]> split(byte[] file) {
        byte[] sep = ("\n" + SEPARATOR + "\n").getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int at = indexOf(file, sep, from); at >= 0; at = indexOf(file, sep, from)) {
            out.add(java.util.Arrays.copyOfRange(file, from, at + 1));
            from = at + sep.length;
        }
        out.add(java.util.Arrays.copyOfRange(file, from, file.length));
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a listener that is already gone
            }
        }
    }
}
