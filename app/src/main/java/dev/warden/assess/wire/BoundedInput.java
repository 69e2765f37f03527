package dev.warden.assess.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads what a device sends with two limits that hold whatever it does: one deadline for the whole exchange (a
 * device trickling a byte every few seconds still costs at most the read timeout) and a byte cap (an endless body
 * stops there). Lines are bounded too.
 */
public final class BoundedInput {
    /** Longest status or header line. */
    public static final int MAX_LINE = 8192;

    private final Socket socket;
    private final InputStream in;
    private final long deadline;
    private final int maxBytes;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int lim;
    private int total;

    BoundedInput(Socket socket, Duration timeout, int maxBytes) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.maxBytes = maxBytes;
    }

    /** Thrown when the device keeps sending past the cap where the protocol needs the end (a header section). */
    public static final class TooLongException extends IOException {
        TooLongException(String what) {
            super(what);
        }
    }

    /** The next byte, or -1 at end of stream. */
    public int read() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Whether a byte is already buffered (no waiting). */
    public boolean buffered() {
        return pos < lim;
    }

    private boolean fill() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("read deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** A line without its CR LF (ISO-8859-1), or null at end of stream; longer than {@link #MAX_LINE} is an error. */
    public String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = read();
            if (b < 0) {
                return sb.isEmpty() ? null : sb.toString();
            }
            count(1);
            if (b == '\n') {
                int end = sb.length();
                if (end > 0 && sb.charAt(end - 1) == '\r') {
                    sb.setLength(end - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new TooLongException("line longer than " + MAX_LINE + " bytes");
            }
            sb.append((char) b);
        }
    }

    /** Up to {@code n} bytes (fewer at end of stream or at the cap). */
    public byte[] readUpTo(long n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long want = Math.min(n, maxBytes - (long) total);
        while (want > 0) {
            int b = read();
            if (b < 0) {
                break;
            }
            out.write(b);
            total++;
            want--;
        }
        return out.toByteArray();
    }

    /** Everything until end of stream, the cap, or the deadline (what arrived by then is returned). */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (total < maxBytes) {
                int b = read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                total++;
            }
        } catch (SocketTimeoutException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    /**
     * What a device sends in one burst, for banners: waits for the first byte until the deadline (none: empty), then
     * keeps reading while more arrives within {@code idleMillis}, up to {@code max} bytes.
     */
    public byte[] readBurst(int max, int idleMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int b = read();
            while (b >= 0 && out.size() < max && total < maxBytes) {
                out.write(b);
                total++;
                if (out.size() >= max) {
                    break;
                }
                if (!buffered()) {
                    socket.setSoTimeout(idleMillis);
                    int n = in.read(buf, 0, buf.length);
                    if (n <= 0) {
                        break;
                    }
                    pos = 0;
                    lim = n;
                }
                b = read();
            }
        } catch (SocketTimeoutException e) {
            // silence: the burst is over (or never began)
        }
        return out.toByteArray();
    }

    /** Whether the cap is reached. */
    public boolean capped() {
        return total >= maxBytes;
    }

    private void count(int n) throws TooLongException {
        total += n;
        if (total > maxBytes + MAX_LINE * 4L) {
            throw new TooLongException("more than " + maxBytes + " bytes");
        }
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
