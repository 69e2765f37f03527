package dev.warden.lab.proto.http;

import io.netty.handler.codec.http.FullHttpResponse;

/**
 * One web application a simulated device serves on an HTTP(S) port: a vendor's CGI, ONVIF SOAP, UPnP.
 * A port lists its apps in order ({@code options.apps} of an {@code http} service); the first app that answers wins,
 * and the port's 404 answers what none did.
 *
 * <p>Apps are found by name: coded ones through {@code META-INF/services/dev.warden.lab.proto.http.HttpApp},
 * data-only route sets from {@code lab/http/<name>.yaml}. An app must not block (all devices share two threads).
 */
public interface HttpApp {
    /** The name a profile lists in {@code apps}. */
    String name();

    /**
     * Answers a request, or returns null when this app does not serve it.
     * The response's Server header and keep-alive handling are added by the HTTP server.
     */
    FullHttpResponse handle(HttpExchange exchange);
}
