package dev.warden.assess.check;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} placeholders in check strings: {@code user}, {@code password}, {@code ip}, {@code port} and the
 * variables earlier steps extracted. Rendering for the wire and rendering for evidence are separate calls, so the
 * password reaches the socket and never the report.
 */
public final class Template {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9-]*)\\s*}}");
    /** Placeholders the engine always provides. */
    static final Set<String> BUILT_IN = Set.of("user", "password", "ip", "port");

    private Template() {
    }

    /** The placeholder names in a string, in order. */
    static Set<String> names(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s != null) {
            java.util.regex.Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Whether the string carries a credential. */
    static boolean hasCredential(String s) {
        Set<String> n = names(s);
        return n.contains("user") || n.contains("password");
    }

    /**
     * Fills the placeholders. With {@code urlEncode} values are percent-encoded (for paths and query strings).
     * An unknown name renders empty (the loader rejects names no step defines).
     */
    public static String render(String s, Map<String, String> vars, boolean urlEncode) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), "");
            if (urlEncode) {
                v = URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Fills the placeholders for evidence: the password as {@code (blank)} or {@code ****}, extracted variables as
     * {@code {{name}}} (they may be secrets the device leaked), the rest as values.
     */
    public static String redacted(String s, Map<String, String> vars) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = switch (name) {
                case "password" -> Credential.redact(vars.get("password"));
                case "user", "ip", "port" -> vars.getOrDefault(name, "");
                default -> "{{" + name + "}}";
            };
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
