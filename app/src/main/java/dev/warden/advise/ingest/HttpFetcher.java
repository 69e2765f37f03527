package dev.warden.advise.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * GETs of advisory providers with every limit applied: http(s) only, only hosts the caller allows (checked again on
 * each redirect, and redirects are counted), a connect timeout, one deadline for headers and body together (so a
 * server that never finishes its response is cut off), and a size cap on the body while it streams in.
 */
final class HttpFetcher implements AutoCloseable {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final IngestLimits limits;
    private final Predicate<URI> allowed;

    /** @param allowed which URLs may be fetched (the CLI allows the hosts the user named) */
    HttpFetcher(IngestLimits limits, Predicate<URI> allowed) {
        this.limits = limits;
        this.allowed = allowed;
        this.client = HttpClient.newBuilder().connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The body of a 200 response to GET {@code uri}, following at most the allowed number of redirects. */
    byte[] get(URI uri) throws IngestException {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            check(current);
            HttpResponse<byte[]> r = send(current);
            if (REDIRECTS.contains(r.statusCode())) {
                String to = r.headers().firstValue("Location")
                        .orElseThrow(() -> new IngestException(uri + ": redirect without a Location"));
                if (hop >= limits.maxRedirects()) {
                    throw new IngestException(uri + ": more than " + limits.maxRedirects() + " redirects");
                }
                current = current.resolve(to);
                continue;
            }
            if (r.statusCode() != 200) {
                throw new IngestException(current + ": HTTP " + r.statusCode());
            }
            return r.body();
        }
    }

    private void check(URI uri) throws IngestException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IngestException(uri + ": only http and https URLs are fetched");
        }
        if (uri.getHost() == null || !allowed.test(uri)) {
            throw new IngestException(uri + ": host not allowed (advisories are fetched only from the hosts named)");
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws IngestException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.requestDeadline())
                .header("Accept", "application/json, text/plain;q=0.5").GET().build();
        CompletableFuture<HttpResponse<byte[]>> f =
                client.sendAsync(request, CappedBody.handler(limits.maxDocumentBytes(), uri));
        try {
            return f.get(limits.requestDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IngestException(uri + ": no complete response within " + limits.requestDeadline().toSeconds() + " s");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IngestException(uri + ": interrupted");
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof IngestException ie) {
                    throw ie;
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String what = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new IngestException(uri + ": " + what, cause);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
