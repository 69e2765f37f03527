package dev.warden.discover.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Minimal HTTP/1.1 requests over {@link Conn}, one per connection ({@code Connection: close}): enough for GETs and
 * SOAP POSTs to a device, with the same deadlines and limits as every other probe.
 */
final class Http {
    /**
     * Connections per request at most. A flaky device resets some connections at once, or closes them without a
     * word; trying again costs nothing, and without it one dropped {@code GET /} leaves the device unnamed. A refused
     * connection or a timeout is never tried again: that would only multiply the wait.
     */
    static final int ATTEMPTS = 3;

    /** What to do on an open connection: send a request and read the answer. */
    @FunctionalInterface
    interface Exchange<T> {
        T on(Conn c) throws IOException;
    }

    private Http() {
    }

    /**
     * Where a URL a device advertised (SSDP LOCATION, WS-Discovery XAddr) points, if it is on the host being
     * scanned: a device must never make the scanner visit another host.
     *
     * @param tls  https
     * @param port the port
     * @param path path and query, at least "/"
     */
    record Target(boolean tls, int port, String path) {
        /** The target, or null when the URL is malformed, not http(s) or on another host. */
        static Target onHost(String url, InetAddress ip) {
            try {
                URI u = new URI(url.strip());
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || !ip.getHostAddress().equals(u.getHost())) {
                    return null;
                }
                boolean tls = scheme.equals("https");
                int port = u.getPort() > 0 ? u.getPort() : tls ? 443 : 80;
                String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                return new Target(tls, port, u.getRawQuery() == null ? path : path + "?" + u.getRawQuery());
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    private static Conn open(ProbeSettings s, InetAddress ip, int port, boolean tls) throws IOException {
        return tls ? Conn.openTls(ip, port, s.connectMillis(), s.exchangeMillis())
                : Conn.open(ip, port, s.connectMillis(), s.exchangeMillis());
    }

    /** Runs {@code x} on a fresh connection, again on a new one when the device dropped it, {@link #ATTEMPTS} at most. */
    static <T> T exchange(ProbeSettings s, InetAddress ip, int port, boolean tls, Exchange<T> x) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Conn c = open(s, ip, port, tls)) {
                return x.on(c);
            } catch (IOException e) {
                if (attempt >= ATTEMPTS || !dropped(e)) {
                    throw e;
                }
            }
        }
    }

    /** A reset or an end of stream before the answer (also inside a TLS handshake); not a refusal, not a timeout. */
    static boolean dropped(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return false;
            }
            if (t instanceof SocketException || t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }

    /** Sends one request; {@code headers} are extra header lines, each ending in CR LF. */
    static void send(Conn c, InetAddress ip, int port, String method, String path, String headers, byte[] body)
            throws IOException {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + ip.getHostAddress() + ":" + port
                + "\r\nUser-Agent: Warden-discovery\r\nAccept: */*\r\nConnection: close\r\n" + headers
                + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        c.write(all);
    }

    /** GET on a fresh connection (see {@link #exchange}). */
    static Reply get(ProbeSettings s, InetAddress ip, int port, boolean tls, String path, int limit) throws IOException {
        return exchange(s, ip, port, tls, c -> {
            send(c, ip, port, "GET", path, "", new byte[0]);
            return Reply.read(c, "HTTP", limit, true);
        });
    }
}
