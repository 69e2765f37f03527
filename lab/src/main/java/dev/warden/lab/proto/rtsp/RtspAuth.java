package dev.warden.lab.proto.rtsp;

import dev.warden.lab.device.Account;
import dev.warden.lab.device.LoginResult;
import dev.warden.lab.device.SimDevice;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RTSP authentication as camera firmware does it (RFC 2617 without qop, like Hikvision and Dahua): challenges with
 * a fresh nonce, checks Digest responses for real ({@code MD5(HA1:nonce:HA2)}, HA2 over the method and the
 * {@code uri} the client signed) and Basic credentials, against the device's {@code web} accounts and its lock-out.
 *
 * <p>Nonces are stateless, so a client may reuse one on a new connection as ffmpeg and VLC do: 32 hex digits (like
 * an MD5) made of the issue time, a random part and an HMAC over both and the device address, valid for
 * {@value #NONCE_SECONDS} s. An expired nonce gets {@code stale="TRUE"} and does not count as a failed login.
 */
final class RtspAuth {
    static final int NONCE_SECONDS = 300;
    private static final byte[] KEY = new byte[32];
    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    static {
        new SecureRandom().nextBytes(KEY);
    }

    /** What a request's credentials are worth. */
    enum Verdict { OK, DENIED, STALE }

    private final SimDevice device;
    private final RtspConfig config;

    RtspAuth(SimDevice device, RtspConfig config) {
        this.device = device;
        this.config = config;
    }

    /** The {@code WWW-Authenticate} values of a 401, Digest before Basic when both are offered. */
    List<String> challenge(boolean stale) {
        String realm = device.render(config.realm());
        List<String> out = new ArrayList<>(2);
        if (config.auth() == RtspConfig.Scheme.DIGEST) {
            out.add("Digest realm=\"" + realm + "\", nonce=\"" + newNonce() + "\", stale=\"" + (stale ? "TRUE" : "FALSE") + "\"");
        }
        if (config.auth() == RtspConfig.Scheme.BASIC || config.alsoBasic()) {
            out.add("Basic realm=\"" + realm + "\"");
        }
        return out;
    }

    /** Checks the {@code Authorization} header of a request; no header, or an unoffered scheme, is DENIED. */
    Verdict check(RtspRequest req, InetAddress client) {
        String h = req.header("Authorization");
        if (h == null) {
            return Verdict.DENIED;
        }
        int sp = h.indexOf(' ');
        String scheme = sp < 0 ? h : h.substring(0, sp);
        String rest = sp < 0 ? "" : h.substring(sp + 1).strip();
        if (scheme.equalsIgnoreCase("Basic") && (config.auth() == RtspConfig.Scheme.BASIC || config.alsoBasic())) {
            return basic(rest, client);
        }
        if (scheme.equalsIgnoreCase("Digest") && config.auth() == RtspConfig.Scheme.DIGEST) {
            return digest(req.method(), params(rest), client);
        }
        return Verdict.DENIED;
    }

    private Verdict basic(String token, InetAddress client) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verdict.DENIED;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.DENIED;
        }
        LoginResult r = device.login("web", client, decoded.substring(0, colon), decoded.substring(colon + 1));
        return r == LoginResult.OK ? Verdict.OK : Verdict.DENIED;
    }

    private Verdict digest(String method, Map<String, String> p, InetAddress client) {
        String user = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        if (user == null || nonce == null || uri == null || response == null) {
            return Verdict.DENIED;
        }
        long age = nonceAge(nonce);
        if (age < 0) {
            return Verdict.DENIED; // not a nonce this device issued: no password was tried
        }
        if (device.isLockedOut(client)) {
            return Verdict.DENIED;
        }
        String realm = device.render(config.realm());
        String ha2 = md5(method + ":" + uri);
        for (Account a : device.accounts("web")) {
            if (a.user().equals(user)
                    && md5(md5(user + ":" + realm + ":" + a.password()) + ":" + nonce + ":" + ha2).equalsIgnoreCase(response)) {
                if (age > NONCE_SECONDS) {
                    return Verdict.STALE; // right password, old nonce: the client retries with the new one
                }
                device.loginSucceeded(client);
                return Verdict.OK;
            }
        }
        device.loginFailed(client);
        return Verdict.DENIED;
    }

    private String newNonce() {
        String head = String.format("%08x%08x", System.currentTimeMillis() / 1000, ThreadLocalRandom.current().nextInt());
        return head + mac(head);
    }

    /** Seconds since the nonce was issued, or -1 when this device did not issue it. */
    private long nonceAge(String nonce) {
        if (!nonce.matches("[0-9a-f]{32}")
                || !MessageDigest.isEqual(mac(nonce.substring(0, 16)).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(16).getBytes(StandardCharsets.US_ASCII))) {
            return -1;
        }
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(nonce.substring(0, 8), 16);
        return age < 0 ? -1 : age;
    }

    private String mac(String head) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] d = m.doFinal((head + "@" + device.ip()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static Map<String, String> params(String s) {
        Map<String, String> out = new HashMap<>();
        Matcher m = PARAM.matcher(s);
        while (m.find()) {
            out.putIfAbsent(m.group(1).toLowerCase(), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }
}
