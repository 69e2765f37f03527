package dev.warden.advise.match;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model name reduced to what identifies it, so that {@code FI9826P}, {@code fi9826p} and {@code FI 9826 P} (or
 * {@code DS-2CD2032F-I} and {@code DS- 2CD2032F-I}) are the same: upper case, letters and digits only. For advisory
 * models the CSAF wildcards {@code ?} (one character) and {@code *} (any) are kept; a name ending in {@code Series}
 * ({@code DS-2CD2xx2F-I Series}, the way CISA writes Hikvision's families) is a prefix whose lower-case {@code x}
 * stands for one character each.
 *
 * @param key     the reduced name
 * @param pattern for a wildcard name, the compiled pattern; null when the name matches only itself
 */
record ModelName(String key, Pattern pattern) {
    private static final Pattern SERIES = Pattern.compile("(?i)^(.*?)\\s*series$");

    /** A device's model. */
    static ModelName ofDevice(String model) {
        return new ModelName(reduce(model, false), null);
    }

    /** A model as an advisory writes it. */
    static ModelName ofAdvisory(String model) {
        var series = SERIES.matcher(model.strip());
        String m = model;
        if (series.matches() && !series.group(1).isEmpty()) {
            m = series.group(1).replace('x', '?') + "*";
        }
        String key = reduce(m, true);
        if (key.indexOf('?') < 0 && key.indexOf('*') < 0) {
            return new ModelName(key, null);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : key.toCharArray()) {
            regex.append(c == '?' ? "." : c == '*' ? ".*" : String.valueOf(c));
        }
        return new ModelName(key, Pattern.compile(regex.toString()));
    }

    /** For a wildcard name, the characters before its first wildcard: every model it covers starts with them. */
    String literalPrefix() {
        int end = 0;
        while (end < key.length() && key.charAt(end) != '?' && key.charAt(end) != '*') {
            end++;
        }
        return key.substring(0, end);
    }

    /** Whether this advisory model covers a device model. */
    boolean covers(ModelName device) {
        return pattern == null ? key.equals(device.key) : pattern.matcher(device.key).matches();
    }

    private static String reduce(String s, boolean wildcards) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (wildcards && (c == '?' || c == '*'))) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
