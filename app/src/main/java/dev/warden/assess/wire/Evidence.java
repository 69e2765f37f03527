package dev.warden.assess.wire;

/** Makes device-supplied text safe for a one-line note or evidence: printable, bounded. */
public final class Evidence {
    private Evidence() {
    }

    /** Control characters as {@code \xNN}, at most {@code max} characters. */
    public static String clip(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return s.length() > max && sb.length() >= max ? sb + "..." : sb.toString();
    }
}
