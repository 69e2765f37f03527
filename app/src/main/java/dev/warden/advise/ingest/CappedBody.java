package dev.warden.advise.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a cap: more than {@code cap} bytes (declared or received) cancels the
 * exchange and fails with an {@link IngestException}. The JDK's own body handlers have no size limit, hence this.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int cap;
    private final URI where;
    private final long declared;
    private Flow.Subscription subscription;

    private CappedBody(int cap, URI where, long declared) {
        this.cap = cap;
        this.where = where;
        this.declared = declared;
    }

    /** A body handler that caps every response at {@code cap} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(int cap, URI where) {
        return info -> new CappedBody(cap, where, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > cap) {
            fail();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            if (buffer.size() + (long) b.remaining() > cap) {
                fail();
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    private void fail() {
        subscription.cancel();
        result.completeExceptionally(new IngestException(where + ": larger than " + cap + " bytes"));
    }
}
