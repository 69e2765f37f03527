package dev.warden.notify;

import dev.warden.owner.SecretRef;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The mail server Warden sends through, from the {@code smtp:} section of {@code $WARDEN_HOME/notify.yaml}:
 * <pre>
 * smtp:
 *   host: mail.example.org
 *   port: 587
 *   security: starttls          # starttls (required, the default) | smtps (TLS from the first byte) | none
 *   user: warden                # optional: AUTH only when given
 *   password: env:SMTP_PASSWORD # a secret reference (env:NAME or file:PATH), never the password
 *   from: warden@example.org
 *   ssl-trust: mail.example.org # optional: trust this host's certificate as it is, no CA or name check (a lab server)
 * </pre>
 */
public record SmtpSettings(String host, int port, Security security, String user, String passwordRef, String from,
                           String sslTrust) {
    /** How the connection is protected. */
    public enum Security { STARTTLS, SMTPS, NONE }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> FIELDS = Set.of("host", "port", "security", "user", "password", "from", "ssl-trust");

    /** Parses the file's bytes; {@code source} names it in errors. */
    public static SmtpSettings parse(String source, byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode smtp = root == null ? null : root.get("smtp");
        if (smtp == null || !smtp.isObject()) {
            throw new IllegalArgumentException(source + ": smtp: missing (a mapping with host, port, from...)");
        }
        for (Map.Entry<String, JsonNode> e : smtp.properties()) {
            if (!FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": smtp." + e.getKey() + ": unknown field (expected " + FIELDS + ")");
            }
        }
        String host = text(source, smtp, "host", true);
        JsonNode port = smtp.get("port");
        if (port == null || !port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
            throw new IllegalArgumentException(source + ": smtp.port: expected a port 1..65535");
        }
        String sec = text(source, smtp, "security", false);
        Security security;
        try {
            security = sec == null ? Security.STARTTLS : Security.valueOf(sec.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": smtp.security: expected starttls, smtps or none");
        }
        String user = text(source, smtp, "user", false);
        String password = text(source, smtp, "password", false);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(source + ": smtp.password: user and password go together");
        }
        if (password != null) {
            try {
                SecretRef.validate(password);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": smtp.password: must be env:NAME or file:PATH, not the password itself");
            }
        }
        String from = text(source, smtp, "from", true);
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException(source + ": smtp.from: not an email address");
        }
        return new SmtpSettings(host, port.asInt(), security, user, password, from, text(source, smtp, "ssl-trust", false));
    }

    private static String text(String source, JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(source + ": smtp." + field + ": missing");
            }
            return null;
        }
        if (!v.isString() || v.asString().isBlank()) {
            throw new IllegalArgumentException(source + ": smtp." + field + ": expected text");
        }
        return v.asString().strip();
    }
}
