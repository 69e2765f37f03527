package dev.warden.remediation;

import dev.warden.model.Remedy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What an owner must do about one vulnerability on one device, in words, from the advisory's remedy:
 * {@code vendor_fix} → update to the named firmware; {@code workaround}/{@code mitigation} → the advisory's text;
 * {@code no_fix_planned}/{@code none_available} (or no remedy at all) → take the device off the internet and fence
 * it. {@link #hash} is over the normalized text, so a revision that only rewords whitespace or case does not count as
 * a new action.
 *
 * @param category      the remedy's category, or null when the advisory gave none
 * @param text          the sentence owners read
 * @param fixedFirmware the first fixed firmware for a vendor fix, else null
 */
public record RecommendedAction(Remedy.Category category, String text, String fixedFirmware) {
    static final String FENCE = "Take the device off the internet and fence it (no inbound forwarding, UPnP off, "
            + "its own network segment).";

    /** The action for a remedy (null: the advisory names none). */
    public static RecommendedAction of(Remedy r) {
        if (r == null) {
            return new RecommendedAction(null, FENCE + " The advisory names no remedy.", null);
        }
        String details = r.details() == null ? "" : r.details().strip();
        return switch (r.category()) {
            case VENDOR_FIX -> r.fixedFirmware() != null
                    ? new RecommendedAction(r.category(), "Update to firmware " + r.fixedFirmware() + " (or later).", r.fixedFirmware())
                    : new RecommendedAction(r.category(), "Update to the vendor's fixed firmware. " + details, null);
            case WORKAROUND, MITIGATION -> new RecommendedAction(r.category(), details.isEmpty()
                    ? "Apply the advisory's " + r.category().wireName() + "." : details, null);
            case NO_FIX_PLANNED, NONE_AVAILABLE -> new RecommendedAction(r.category(),
                    FENCE + (details.isEmpty() ? "" : " Advisory: " + details), null);
        };
    }

    /** sha256 of the normalized action (category, text lower-cased with whitespace collapsed), in hex. */
    public String hash() {
        String norm = (category == null ? "none" : category.wireName()) + "\n"
                + text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return sha256(norm);
    }

    /** Hex sha256 of UTF-8 text. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
