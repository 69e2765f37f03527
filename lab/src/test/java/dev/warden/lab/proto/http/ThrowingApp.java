package dev.warden.lab.proto.http;

import io.netty.handler.codec.http.FullHttpResponse;

/** A coded test app with a bug: it throws on {@code /boom}, to prove a failing app costs the client a 500, nothing more. */
public final class ThrowingApp implements HttpApp {
    @Override
    public String name() {
        return "test-throws";
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        if (exchange.path().equals("/boom")) {
            throw new IllegalStateException("bug in a web app");
        }
        return null;
    }
}
