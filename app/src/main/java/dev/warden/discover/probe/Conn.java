package dev.warden.discover.probe;

import dev.warden.net.TrustAll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import javax.net.ssl.SSLSocket;

/**
 * One TCP (optionally TLS) conversation with a device under a hard deadline: every read waits at most until the
 * deadline and every method that reads takes a byte limit, so a device that drips, floods or never answers costs
 * at most the deadline. Probes talk to devices only through this class.
 */
public final class Conn implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final long deadline;

    private Conn(Socket socket, long deadline) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.deadline = deadline;
    }

    /** Connects within {@code connectMillis}; the whole conversation must end within {@code totalMillis}. */
    public static Conn open(InetAddress ip, int port, int connectMillis, int totalMillis) throws IOException {
        long deadline = System.nanoTime() + totalMillis * 1_000_000L;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(ip, port), connectMillis);
            return new Conn(s, deadline);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** As {@link #open}, then a TLS handshake trusting any certificate (devices use self-signed ones). */
    public static Conn openTls(InetAddress ip, int port, int connectMillis, int totalMillis) throws IOException {
        Conn plain = open(ip, port, connectMillis, totalMillis);
        try {
            SSLSocket tls = (SSLSocket) TrustAll.FACTORY.createSocket(plain.socket, ip.getHostAddress(), port, true);
            tls.setSoTimeout(plain.remaining());
            tls.startHandshake();
            return new Conn(tls, plain.deadline);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    /** The server's certificate chain after a TLS handshake; empty for plain TCP. */
    public Certificate[] peerCertificates() throws IOException {
        return socket instanceof SSLSocket s ? s.getSession().getPeerCertificates() : new Certificate[0];
    }

    public void write(byte[] bytes) throws IOException {
        socket.setSoTimeout(remaining());
        out.write(bytes);
        out.flush();
    }

    /** One byte, or -1 at end of stream; {@link SocketTimeoutException} once the deadline has passed. */
    public int read() throws IOException {
        socket.setSoTimeout(remaining());
        return in.read();
    }

    /** Reads up to {@code max} bytes into {@code buf}; -1 at end of stream. */
    public int read(byte[] buf, int max) throws IOException {
        socket.setSoTimeout(remaining());
        return in.read(buf, 0, Math.min(max, buf.length));
    }

    /** A line without its CR LF, at most {@code max} bytes (longer lines are cut there); null at end of stream. */
    public String readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (line.size() < max) {
                line.write(b);
            } else {
                throw new LimitException("line longer than " + max + " bytes");
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return Text.latin1(line.toByteArray()).stripTrailing();
    }

    /** Exactly {@code n} bytes, or fewer if the stream ends. */
    public byte[] readExactly(int n) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (buf.size() < n) {
            int r = read(chunk, n - buf.size());
            if (r < 0) {
                break;
            }
            buf.write(chunk, 0, r);
        }
        return buf.toByteArray();
    }

    /** Milliseconds left before the deadline; throws once it has passed. */
    private int remaining() throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("no complete answer in time");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket the device already dropped: nothing to tell the user
        }
    }
}
