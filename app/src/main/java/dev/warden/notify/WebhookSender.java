package dev.warden.notify;

import dev.warden.owner.SecretRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * POSTs a message's JSON to the owner's URL, signed (see {@link WebhookSignature}). Redirects are not followed and
 * the answer's body is discarded. 2xx is success; 408, 429 and 5xx (and network errors) are retried; any other
 * answer is permanent.
 */
public final class WebhookSender implements Sender {
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Function<String, String> env;

    /** @param env where {@code env:} secret references are looked up (System::getenv outside tests) */
    public WebhookSender(Duration timeout, Clock clock, Function<String, String> env) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
        this.env = env;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Message m) throws DeliveryException {
        String secret;
        try {
            secret = SecretRef.resolve(m.secretRef(), env);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException(e.getMessage(), false, e); // the operator may still set it: retry
        }
        byte[] body = m.json().getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(m.endpoint())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP, Long.toString(ts))
                    .header(WebhookSignature.DELIVERY, m.deliveryId())
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secret, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("bad webhook URL: " + e.getMessage(), true, e);
        }
        int status;
        try {
            status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryException("webhook " + m.endpoint() + ": " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", false, e);
        }
        if (status / 100 != 2) {
            boolean retry = status == 408 || status == 429 || status >= 500;
            throw new DeliveryException("webhook " + m.endpoint() + " answered HTTP " + status, !retry, null);
        }
    }
}
