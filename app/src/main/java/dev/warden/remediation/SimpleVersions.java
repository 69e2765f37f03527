package dev.warden.remediation;

import java.util.Locale;

/**
 * A plain firmware version comparison for {@link VersionOrder#SIMPLE}: "2.72.1.59" &gt; "2.72.1.32",
 * "V5.4.5 build 170124" &gt; "V5.3.0 build 150513". Written by hand because it is twenty lines and a library version
 * scheme (Maven, semver) would misread firmware strings; the advisory matcher's comparator replaces it.
 */
final class SimpleVersions {
    private SimpleVersions() {
    }

    static int compare(String a, String b) {
        String[] x = split(a);
        String[] y = split(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = segment(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int segment(String p, String q) {
        boolean pn = p.chars().allMatch(Character::isDigit);
        boolean qn = q.chars().allMatch(Character::isDigit);
        if (pn && qn) {
            String ps = p.replaceFirst("^0+(?=.)", "");
            String qs = q.replaceFirst("^0+(?=.)", "");
            return ps.length() != qs.length() ? Integer.compare(ps.length(), qs.length()) : ps.compareTo(qs);
        }
        return p.compareTo(q);
    }

    private static String[] split(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT).replaceFirst("^v(?=\\d)", "");
        return s.split("[^a-z0-9]+|(?<=\\d)(?=[a-z])|(?<=[a-z])(?=\\d)");
    }
}
