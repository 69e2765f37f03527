package dev.warden.assess.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client side of HTTP/RTSP Digest authentication (RFC 7616 with MD5, {@code qop=auth} or none), which the JDK's
 * HttpClient does not do and every camera speaks. Also Basic, for the devices that still ask for it.
 */
public final class DigestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DigestClient() {
    }

    /** The parameters of a {@code Digest} challenge, or null when the header is not one. */
    public static Map<String, String> parseChallenge(String header) {
        if (header == null || !header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String s = header.substring(7);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < s.length() && s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    end = s.length();
                }
                value = s.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = s.indexOf(',', i);
                if (end < 0) {
                    end = s.length();
                }
                value = s.substring(i, end).trim();
                i = end;
            }
            out.put(key, value);
        }
        return out.containsKey("nonce") ? out : null;
    }

    /** The Authorization header value answering the challenge. */
    public static String authorization(Map<String, String> challenge, String method, String uri, String user,
                                       String password) {
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.get("nonce");
        String qop = challenge.get("qop");
        boolean auth = qop != null && java.util.Arrays.stream(qop.split(",")).anyMatch(q -> q.trim().equals("auth"));
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        if (auth) {
            byte[] c = new byte[8];
            RANDOM.nextBytes(c);
            String cnonce = HexFormat.of().formatHex(c);
            String nc = "00000001";
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"')
                    .append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            sb.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (challenge.containsKey("opaque")) {
            sb.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return sb.append(", algorithm=MD5").toString();
    }

    /** The Basic Authorization header value. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
