package dev.warden.advise.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A firmware version as devices and advisories write it ({@code 2.52.2.43}, {@code V5.4.0 build 160530},
 * {@code MX-V4.0.2.33.r2}, {@code M2.1.6.05}), read into segments that compare the way people mean them.
 * <p>
 * Written by hand because no library compares firmware strings this way: a leading prefix of letters ({@code V},
 * {@code MX-V}) is dropped, the word {@code build} and any punctuation only separate segments, runs of digits compare
 * as numbers (leading zeros and length do not matter), runs of letters compare case-insensitively and sort before a
 * number in the same place (as in libversion), a missing segment counts as {@code 0} (so {@code 5.4.0} equals
 * {@code 5.4}), and a trailing word sorts after the shorter version unless it is a pre-release word
 * ({@code alpha}, {@code beta}, {@code rc}…). A lone {@code x} is Foscam's masked digit ({@code 2.x.2.43}): comparing
 * through it is undecidable, never guessed as 0.
 */
public final class Version {
    private static final Set<String> PRE_RELEASE = Set.of("alpha", "beta", "rc", "pre", "preview", "dev");
    private static final String MASK = "x";
    private static final int MAX_LENGTH = 200;
    private static final long WORD = -1;
    private static final long LONG_NUMBER = -2;
    private static final long MASKED = -3;
    private static final long ABSENT = -4;
    /** Marks a remembered "no line" in {@link #lines} (a distinct instance, compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NO_LINE = new String("");

    private final String text;
    /** Digits without leading zeros (a number) or lower-case letters (a word). */
    private final List<String> segments;
    /** {@link #line(int)} for 1 to 4 components, remembered: matching asks it of the same version many times. */
    private final String[] lines = new String[5];

    /**
     * Per segment, for {@link #compare}: its value when a number of at most 18 digits, else {@link #WORD},
     * {@link #LONG_NUMBER} or {@link #MASKED} ({@link #ABSENT} past the end); comparing two numbers is then one comparison of longs.
     */
    private final long[] values;

    private Version(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
        this.values = new long[segments.size()];
        for (int k = 0; k < values.length; k++) {
            String s = segments.get(k);
            values[k] = MASK.equals(s) ? MASKED : !isNumber(s) ? WORD : s.length() > 18 ? LONG_NUMBER : Long.parseLong(s);
        }
    }

    /**
     * Reads a version.
     *
     * @throws IllegalArgumentException when the text is blank, too long or has no segment at all
     */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(t.isEmpty() ? "empty version" : "version longer than " + MAX_LENGTH);
        }
        int start = 0;
        if (t.chars().anyMatch(Character::isDigit)) {
            while (!Character.isDigit(t.charAt(start))) {
                start++;
            }
        }
        List<String> segs = new ArrayList<>();
        int i = start;
        while (i < t.length()) {
            char c = t.charAt(i);
            int j = i;
            if (isDigit(c)) {
                while (j < t.length() && isDigit(t.charAt(j))) {
                    j++;
                }
                segs.add(stripZeros(t.substring(i, j)));
            } else if (isLetter(c)) {
                while (j < t.length() && isLetter(t.charAt(j))) {
                    j++;
                }
                String word = t.substring(i, j).toLowerCase(Locale.ROOT);
                if (!word.equals("build")) {
                    segs.add(word);
                }
            } else {
                j = i + 1;
            }
            i = j;
        }
        if (segs.isEmpty()) {
            throw new IllegalArgumentException("no digits or letters in version '" + t + "'");
        }
        return new Version(t, List.copyOf(segs));
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    /** Whether a segment is masked ({@code 2.x.2.43}). */
    public boolean masked() {
        return segments.contains(MASK);
    }

    /**
     * The first {@code n} segments joined with dots ({@code 2.52} for {@code 2.52.2.43} and n = 2), or null when the
     * version has fewer numeric leading segments (then its line is unknown).
     */
    public String line(int n) {
        if (n > 0 && n < lines.length) {
            String l = lines[n];
            if (l == null) {
                l = computeLine(n);
                lines[n] = l == null ? NO_LINE : l;
            }
            return l == NO_LINE ? null : l;
        }
        return computeLine(n);
    }

    private String computeLine(int n) {
        if (segments.size() < n) {
            return null;
        }
        for (int k = 0; k < n; k++) {
            if (!isNumber(segments.get(k))) {
                return null;
            }
        }
        return String.join(".", segments.subList(0, n));
    }

    /** Compares with another version; empty when a masked segment decides it. */
    public OptionalInt compare(Version other) {
        int n = Math.max(values.length, other.values.length);
        for (int k = 0; k < n; k++) {
            long x = k < values.length ? values[k] : ABSENT;
            long y = k < other.values.length ? other.values[k] : ABSENT;
            if (x == MASKED || y == MASKED) {
                return OptionalInt.empty();
            }
            int c = x >= 0 && y >= 0 ? Long.compare(x, y) : compareSegment(
                    x == ABSENT ? null : segments.get(k), y == ABSENT ? null : other.segments.get(k));
            if (c != 0) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.of(0);
    }

    private static int compareSegment(String a, String b) {
        if (a == null && b == null) {
            return 0;
        }
        if (a == null) {
            return -compareSegment(b, null);
        }
        if (b == null) {
            if (isNumber(a)) {
                return a.equals("0") ? 0 : 1;
            }
            return PRE_RELEASE.contains(a) ? -1 : 1;
        }
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
        }
        if (na != nb) {
            return na ? 1 : -1;
        }
        return Integer.signum(a.compareTo(b));
    }

    private static boolean isNumber(String s) {
        return isDigit(s.charAt(0));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    @Override
    public String toString() {
        return text;
    }
}
