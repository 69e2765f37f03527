package dev.warden.lab.net;

import java.nio.charset.StandardCharsets;

/**
 * Builds text lines from a byte stream, one byte at a time, for the line-oriented lab services (telnet, FTP).
 * A line ends at LF, at CR, or at CR LF / CR NUL (the telnet "newline" forms); the byte after a CR that is LF or NUL is
 * swallowed, so each form ends exactly one line. Bytes beyond the length limit are dropped, never stored: a client
 * sending an endless line costs a bounded buffer, and the (truncated) line still ends where the client ends it.
 */
public final class LineAssembler {
    /** What one byte did. */
    public enum Fed {
        /** Added to the current line. */
        STORED,
        /** Ignored: over the length limit, or the LF/NUL of a CR LF / CR NUL pair. */
        DROPPED,
        /** Ended a line; {@link #take()} returns it. */
        LINE
    }

    private final byte[] buf;
    private int len;
    private boolean afterCr;

    /** @param maxLength the longest line kept, in bytes */
    public LineAssembler(int maxLength) {
        this.buf = new byte[maxLength];
    }

    public Fed feed(byte b) {
        boolean crPair = afterCr && (b == '\n' || b == 0);
        afterCr = b == '\r';
        if (crPair) {
            return Fed.DROPPED;
        }
        if (b == '\r' || b == '\n') {
            return Fed.LINE;
        }
        if (len == buf.length) {
            return Fed.DROPPED;
        }
        buf[len++] = b;
        return Fed.STORED;
    }

    /** Removes the last byte of the current line (a backspace); false when the line is empty. */
    public boolean erase() {
        if (len == 0) {
            return false;
        }
        len--;
        return true;
    }

    /** The line just ended (ISO-8859-1, so every byte is one char), and starts a new one. */
    public String take() {
        String s = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        len = 0;
        return s;
    }
}
