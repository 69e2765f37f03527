package dev.warden.watch.detect.c2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One IRC protocol line (RFC 2812 section 2.3.1: {@code [:prefix] COMMAND params [:trailing]}), parsed from a TCP
 * payload. Written by hand because no maintained Java library parses IRC off raw packet bytes, and the grammar is a
 * dozen lines. Parsing is bounded: at most {@link #MAX_LINE} bytes per line and the caller's byte budget per packet;
 * a line whose command is not letters or a three-digit reply is not IRC and is left out.
 *
 * @param prefix the sender ({@code nick!user@host} or a server name), empty when absent
 * @param command the command in upper case, or a three-digit numeric reply
 * @param params the middle parameters
 * @param trailing the text after {@code " :"}, empty when absent
 */
record IrcLine(String prefix, String command, List<String> params, String trailing) {
    /** RFC 2812's limit for one message including CR LF. */
    static final int MAX_LINE = 512;
    private static final int MAX_PARAMS = 15;

    /**
     * True when the payload starts with one of {@code commands} followed by a space: the allocation-free test that
     * keeps every other packet (HTTP, TLS, binary) from being parsed.
     */
    static boolean startsWithCommand(ByteBuffer buf, int offset, int length, List<byte[]> commands) {
        for (byte[] c : commands) {
            if (length > c.length && buf.get(offset + c.length) == ' ' && startsWith(buf, offset, c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the payload starts like a server line, with a {@code :prefix}. */
    static boolean startsWithPrefix(ByteBuffer buf, int offset, int length) {
        return length >= 4 && buf.get(offset) == ':';
    }

    private static boolean startsWith(ByteBuffer buf, int offset, byte[] word) {
        for (int i = 0; i < word.length; i++) {
            if (buf.get(offset + i) != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** One line without its CR LF, or null when it is not IRC-shaped. */
    static IrcLine parseLine(String s) {
        int i = 0;
        String prefix = "";
        if (s.startsWith(":")) {
            int sp = s.indexOf(' ');
            if (sp < 2) {
                return null;
            }
            prefix = s.substring(1, sp);
            i = sp + 1;
        }
        int sp = s.indexOf(' ', i);
        String command = s.substring(i, sp < 0 ? s.length() : sp);
        if (!isCommand(command)) {
            return null;
        }
        List<String> params = new ArrayList<>(3);
        String trailing = "";
        i = sp < 0 ? s.length() : sp + 1;
        while (i < s.length() && params.size() < MAX_PARAMS) {
            if (s.charAt(i) == ':') {
                trailing = s.substring(i + 1);
                break;
            }
            int next = s.indexOf(' ', i);
            String p = s.substring(i, next < 0 ? s.length() : next);
            if (!p.isEmpty()) {
                params.add(p);
            }
            i = next < 0 ? s.length() : next + 1;
        }
        return new IrcLine(prefix, command, params, trailing);
    }

    /** The first middle parameter, or the trailing text when there is none (e.g. {@code NICK :name}). */
    String firstArg() {
        return params.isEmpty() ? trailing : params.get(0);
    }

    /**
     * Text from the wire made safe to show: control and non-ASCII characters become {@code ?} and it is cut to
     * {@code max} characters.
     */
    static String clean(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c >= 0x7F ? '?' : c);
        }
        return sb.toString();
    }

    private static boolean isCommand(String c) {
        if (c.length() == 3 && Character.isDigit(c.charAt(0)) && Character.isDigit(c.charAt(1))
                && Character.isDigit(c.charAt(2))) {
            return true;
        }
        if (c.isEmpty() || c.length() > 12) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) < 'A' || c.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Bytes as ISO-8859-1 characters: every byte maps to one char, so no decoding can fail. */
    static String text(ByteBuffer buf, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = (char) (buf.get(i) & 0xFF);
        }
        return new String(chars);
    }
}
