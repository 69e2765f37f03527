package dev.warden.assess.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Orders the version strings devices report ({@code V5.4.1 build 160525}, {@code 2.11.1.118},
 * {@code V4.02.R11.34500140.12001.131600.00000}): by their runs of digits and of letters, separators and a leading
 * {@code v} ignored, numbers numerically, letters case-insensitively, a missing number counting as 0.
 */
public final class Versions {
    private Versions() {
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        List<String> x = runs(a);
        List<String> y = runs(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String p = i < x.size() ? x.get(i) : null;
            String q = i < y.size() ? y.get(i) : null;
            int c = compareRun(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareRun(String p, String q) {
        boolean pn = p == null || isNumber(p);
        boolean qn = q == null || isNumber(q);
        if (pn && qn) {
            return compareNumbers(p == null ? "0" : p, q == null ? "0" : q);
        }
        if (p == null) {
            return -1; // 1.0 < 1.0-rc: a suffix after a release is a later build on these devices
        }
        if (q == null) {
            return 1;
        }
        if (pn != qn) {
            return pn ? 1 : -1; // a number ranks above letters at the same position
        }
        return p.toLowerCase(Locale.ROOT).compareTo(q.toLowerCase(Locale.ROOT));
    }

    private static int compareNumbers(String p, String q) {
        String a = stripZeros(p);
        String b = stripZeros(q);
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isNumber(String run) {
        return Character.isDigit(run.charAt(0));
    }

    private static List<String> runs(String v) {
        String s = v.strip();
        if (s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') && Character.isDigit(s.charAt(1))) {
            s = s.substring(1);
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            boolean digit = Character.isDigit(c);
            int j = i;
            while (j < s.length() && Character.isLetterOrDigit(s.charAt(j)) && Character.isDigit(s.charAt(j)) == digit) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }
}
