package dev.warden.discover.probe;

import java.nio.charset.StandardCharsets;

/** Turning device bytes into evidence text: bytes as Latin-1 (never fails), control bytes shown or dropped. */
final class Text {
    private Text() {
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Printable ASCII kept, everything else as {@code \xNN}: a binary banner stays readable and diffable. */
    static String escaped(byte[] b, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    /** Text meant for people (a telnet greeting): line breaks kept as \n, other control bytes dropped, trimmed. */
    static String readable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }
}
