package dev.warden.lab.proto.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP Basic authentication (RFC 7617), as every camera's web server still offers it. */
public final class BasicAuth {
    private static final String PREFIX = "basic ";

    private BasicAuth() {
    }

    /** The credentials of an {@code Authorization: Basic} header, or null when there is none or it is malformed. */
    public static Credentials credentials(HttpRequest request) {
        String h = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (h == null || h.length() < PREFIX.length() || !h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(h.substring(PREFIX.length()).trim()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The {@code WWW-Authenticate} value asking for Basic credentials. */
    public static String challenge(String realm) {
        return "Basic realm=\"" + realm + "\"";
    }
}
