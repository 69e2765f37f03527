package dev.warden.watch.detect.c2;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Walks the IRC lines of one payload over its bytes, without building strings: each {@link #next()} stops at a line
 * (CR LF stripped, at most {@link IrcLine#MAX_LINE} bytes; longer lines are skipped) and {@link #command} tells which
 * of a list of commands it carries, by the same rules as {@link IrcLine#parseLine} ({@code [:prefix] COMMAND ...}).
 * The detector turns a line into an {@link IrcLine} (strings) only when it needs its arguments; a live IRC session's
 * PING, PONG and chat lines are read without allocating. Reusable: {@link #reset} for each payload.
 */
final class IrcCursor {
    private ByteBuffer buf;
    private int pos;
    private int end;
    private int lineStart;
    private int lineStop;

    /** Starts on the first {@code budget} bytes of {@code buf[offset, offset + length)}. */
    void reset(ByteBuffer buf, int offset, int length, int budget) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + Math.min(length, budget);
    }

    /** Moves to the next line no longer than {@link IrcLine#MAX_LINE}; false when the bytes are used up. */
    boolean next() {
        while (pos < end) {
            int start = pos;
            int eol = start;
            while (eol < end && buf.get(eol) != '\n') {
                eol++;
            }
            int stop = eol;
            if (stop > start && buf.get(stop - 1) == '\r') {
                stop--;
            }
            pos = eol + 1;
            if (stop - start <= IrcLine.MAX_LINE) {
                lineStart = start;
                lineStop = stop;
                return true;
            }
        }
        return false;
    }

    /**
     * The index in {@code commands} of the current line's command, or -1 when it is none of them (or the line has a
     * prefix without a following space, which {@link IrcLine#parseLine} refuses).
     */
    int command(List<byte[]> commands) {
        int i = lineStart;
        if (i < lineStop && buf.get(i) == ':') {
            int sp = indexOfSpace(i);
            if (sp < 0 || sp - lineStart < 2) {
                return -1;
            }
            i = sp + 1;
        }
        int sp = indexOfSpace(i);
        int stop = sp < 0 ? lineStop : sp;
        for (int c = 0; c < commands.size(); c++) {
            if (equals(i, stop, commands.get(c))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * False only when no space-separated word of the current line (a leading ':' dropped) is one of {@code words}
     * (ignoring ASCII case): lets
     * a chat line skip the strings an order check needs. A word with a non-ASCII byte answers true, as its lower case
     * is not decided here.
     */
    boolean mayContain(List<char[]> words) {
        int i = lineStart;
        while (i < lineStop) {
            int end = indexOfSpace(i);
            if (end < 0) {
                end = lineStop;
            }
            int from = i < end && buf.get(i) == ':' ? i + 1 : i; // the trailing text's first word follows its ':'
            if (wordMatches(from, end, words)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    private boolean wordMatches(int from, int to, List<char[]> words) {
        for (int i = from; i < to; i++) {
            if (buf.get(i) < 0) {
                return true;
            }
        }
        for (char[] word : words) {
            if (word.length == to - from && equalsIgnoreCase(from, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean equalsIgnoreCase(int from, char[] word) {
        for (int i = 0; i < word.length; i++) {
            int b = buf.get(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** The current line parsed into strings, or null when it is not IRC-shaped. */
    IrcLine line() {
        return IrcLine.parseLine(IrcLine.text(buf, lineStart, lineStop));
    }

    private int indexOfSpace(int from) {
        for (int i = from; i < lineStop; i++) {
            if (buf.get(i) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private boolean equals(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (buf.get(from + i) != word[i]) {
                return false;
            }
        }
        return true;
    }
}
