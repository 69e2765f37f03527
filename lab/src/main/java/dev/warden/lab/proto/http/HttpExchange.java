package dev.warden.lab.proto.http;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ServiceSpec;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP request to a simulated device, with what an app needs to answer it.
 *
 * @param request the whole request (aggregated, body included)
 * @param device  the device being asked
 * @param service the HTTP service (port, options)
 * @param client  the client's address (for lock-out accounting)
 * @param tls     whether it came over HTTPS
 */
public record HttpExchange(FullHttpRequest request, SimDevice device, ServiceSpec service, InetAddress client,
                           boolean tls) {
    public QueryStringDecoder query() {
        return new QueryStringDecoder(request.uri());
    }

    public String path() {
        return query().path();
    }

    public String body() {
        return request.content().toString(StandardCharsets.UTF_8);
    }
}
