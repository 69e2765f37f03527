package dev.warden.lab.proto.http;

import dev.warden.lab.device.Account;
import dev.warden.lab.device.LoginResult;
import dev.warden.lab.device.SimDevice;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Digest authentication (RFC 7616 / RFC 2617, MD5, {@code qop="auth"}) as Hikvision, Dahua and Axis use it.
 * The lab really verifies the client's response against the device's web accounts.
 *
 * <p>Nonces are stateless: a timestamp and an HMAC of it under a per-process key, valid for five minutes; an expired
 * nonce of ours is answered with {@code stale=true}. Nonce counts are not tracked (a simulator need not stop replay).
 */
public final class DigestAuth {
    private static final long NONCE_MILLIS = 5 * 60_000L;
    private static final String PREFIX = "digest ";
    private static final Pattern PARAM = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");
    private static final byte[] KEY = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private DigestAuth() {
    }

    /** The {@code WWW-Authenticate} value asking for Digest credentials, with a fresh nonce. */
    public static String challenge(String realm, boolean stale) {
        return "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce(System.currentTimeMillis(), realm)
                + "\", opaque=\"" + HEX.formatHex(hmac("opaque" + realm), 0, 16) + "\", algorithm=MD5"
                + (stale ? ", stale=true" : "");
    }

    /**
     * Verifies the request's {@code Authorization: Digest} header.
     *
     * @return null when there is no usable Digest header or its nonce is not current (answer with a new challenge,
     * no failure counted); otherwise OK, BAD (counted towards lock-out) or LOCKED
     */
    public static LoginResult verify(HttpExchange ex, String realm) {
        Map<String, String> p = params(ex.request());
        if (p == null || !realm.equals(p.get("realm")) || !nonceValid(p.get("nonce"), realm, System.currentTimeMillis())) {
            return null;
        }
        SimDevice d = ex.device();
        if (d.isLockedOut(ex.client())) {
            return LoginResult.LOCKED;
        }
        String algorithm = p.getOrDefault("algorithm", "MD5");
        String qop = p.get("qop");
        boolean wellFormed = algorithm.equalsIgnoreCase("MD5") && (qop == null || qop.equals("auth"))
                && ex.request().uri().equals(p.get("uri")) && p.get("response") != null && p.get("username") != null
                && (qop == null || (p.get("nc") != null && p.get("cnonce") != null));
        if (wellFormed) {
            String ha2 = md5(ex.request().method().name() + ":" + p.get("uri"));
            for (Account a : d.accounts("web")) {
                if (a.user().equals(p.get("username"))) {
                    String ha1 = md5(a.user() + ":" + realm + ":" + a.password());
                    String expected = qop == null ? md5(ha1 + ":" + p.get("nonce") + ":" + ha2)
                            : md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + qop + ":" + ha2);
                    if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                            p.get("response").toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
                        d.loginSucceeded(ex.client());
                        return LoginResult.OK;
                    }
                }
            }
        }
        d.loginFailed(ex.client());
        return LoginResult.BAD;
    }

    /** Whether the request carries a Digest response to one of our nonces for this realm that has expired. */
    public static boolean isStale(HttpRequest request, String realm) {
        Map<String, String> p = params(request);
        String nonce = p == null ? null : p.get("nonce");
        long now = System.currentTimeMillis();
        return nonce != null && !nonceValid(nonce, realm, now) && nonceValid(nonce, realm, nonceTime(nonce));
    }

    /** Lower-case hex MD5 of a string, as Digest computes its hashes. */
    public static String md5(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    /** The parameters of an {@code Authorization: Digest} header, or null when there is none. */
    static Map<String, String> params(HttpRequest request) {
        String h = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (h == null || h.length() < PREFIX.length() || !h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(h.substring(PREFIX.length()));
        while (m.find()) {
            out.put(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
        }
        return out;
    }

    private static String nonce(long millis, String realm) {
        String ts = String.format("%016x", millis);
        return ts + HEX.formatHex(hmac(ts + realm), 0, 16);
    }

    private static long nonceTime(String nonce) {
        try {
            return nonce.length() == 48 ? Long.parseUnsignedLong(nonce.substring(0, 16), 16) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean nonceValid(String nonce, String realm, long now) {
        long t = nonce == null ? -1 : nonceTime(nonce);
        return t >= 0 && now - t <= NONCE_MILLIS && now >= t
                && MessageDigest.isEqual(nonce(t, realm).getBytes(StandardCharsets.US_ASCII), nonce.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}
