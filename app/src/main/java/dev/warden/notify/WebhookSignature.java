package dev.warden.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing and its receiver-side check. A request carries {@code X-Warden-Timestamp} (epoch seconds),
 * {@code X-Warden-Delivery} (the delivery id) and {@code X-Warden-Signature: sha256=HEX} where HEX is
 * HMAC-SHA256(secret, timestamp + "." + body). A receiver keeps one instance per secret: it rejects a bad signature, a
 * timestamp outside the tolerance (a replay of an old request), and a delivery id it already accepted within the
 * tolerance window (a replay of a fresh one). Memory is bounded: ids older than the window are forgotten, since their
 * timestamps would be refused anyway, and at most {@code maxRemembered} are kept.
 */
public final class WebhookSignature {
    public static final String SIGNATURE = "X-Warden-Signature";
    public static final String TIMESTAMP = "X-Warden-Timestamp";
    public static final String DELIVERY = "X-Warden-Delivery";

    private final byte[] secret;
    private final Duration tolerance;
    private final int maxRemembered;
    private final Map<String, Long> seen = new LinkedHashMap<>();

    /**
     * The outcome of {@link #verify}.
     *
     * @param accepted  signed, fresh and not seen before: process it
     * @param duplicate signed and fresh, but its delivery id was already accepted: answer 2xx and drop it (at-least-once
     *                  delivery resends after a crash; a replayed capture lands here too and does no harm)
     * @param reason    why, in words
     */
    public record Verdict(boolean accepted, boolean duplicate, String reason) {
        static Verdict refused(String reason) {
            return new Verdict(false, false, reason);
        }
    }

    public WebhookSignature(String secret, Duration tolerance, int maxRemembered) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.maxRemembered = maxRemembered;
    }

    /** The signature header value for a body sent at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /** Checks one received request (header values may be null when absent). */
    public synchronized Verdict verify(String timestampHeader, String signatureHeader, String deliveryHeader, byte[] body,
                                       Instant now) {
        if (timestampHeader == null || signatureHeader == null || deliveryHeader == null) {
            return Verdict.refused("missing " + TIMESTAMP + ", " + SIGNATURE + " or " + DELIVERY);
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.refused("timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.getSeconds()) {
            return Verdict.refused("stale timestamp (more than " + tolerance.getSeconds() + " s from now)");
        }
        String expected = sign(new String(secret, StandardCharsets.UTF_8), ts, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.refused("bad signature");
        }
        forgetOlderThan(now.getEpochSecond() - tolerance.getSeconds());
        if (seen.containsKey(deliveryHeader)) {
            return new Verdict(false, true, "already accepted delivery " + deliveryHeader);
        }
        if (seen.size() >= maxRemembered) {
            return Verdict.refused("too many deliveries within the tolerance window");
        }
        seen.put(deliveryHeader, ts);
        return new Verdict(true, false, "ok");
    }

    private void forgetOlderThan(long epochSecond) {
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < epochSecond) {
                it.remove();
            }
        }
    }
}
