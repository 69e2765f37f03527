package dev.warden.lab.proto.http;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.profile.ServiceSpec;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of one HTTP connection: asks the port's apps in order, falls back to its 404, and adds what
 * every response carries (Server, Date, Content-Length, keep-alive). Malformed requests get 400 and a close; an app
 * that throws gets the client a 500, never the lab a crash.
 */
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

    private final SimDevice device;
    private final ServiceSpec spec;
    private final HttpPort port;

    HttpHandler(SimDevice device, ServiceSpec spec, HttpPort port) {
        this.device = device;
        this.spec = spec;
        this.port = port;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            Throwable why = req.decoderResult().cause();
            HttpResponseStatus status = why instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : why instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST;
            send(ctx, req, error(status), false);
            return;
        }
        HttpExchange ex = new HttpExchange(req, device, spec,
                ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(), spec.tls());
        FullHttpResponse resp = null;
        try {
            for (HttpApp app : port.apps()) {
                resp = app.handle(ex);
                if (resp != null) {
                    break;
                }
            }
            if (resp == null) {
                resp = port.notFound().render(ex);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: web app failed on {} {}: {}", device.name(), req.method(), ex.path(), e.toString());
            if (resp != null) {
                resp.release();
            }
            resp = error(HttpResponseStatus.INTERNAL_SERVER_ERROR);
        }
        boolean close = resp.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        send(ctx, req, resp, !close && HttpUtil.isKeepAlive(req));
    }

    private static FullHttpResponse error(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(
                HttpPages.page(status.code(), status.reasonPhrase()), StandardCharsets.US_ASCII));
    }

    /**
     * Writes the answer with its headers in the order and spelling embedded servers use (Server, Date, the app's,
     * Content-Length, Connection): nmap's service signatures match them case-sensitively.
     */
    private void send(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse resp, boolean keepAlive) {
        HttpHeaders app = resp.headers().copy();
        boolean streamEnd = app.contains(HttpHeaderNames.CONNECTION); // an app that closes sends no length
        HttpHeaders h = resp.headers().clear();
        if (port.server() != null) {
            h.set("Server", device.render(port.server()));
        }
        h.set("Date", DateFormatter.format(new Date()));
        h.set("Content-Type", app.get(HttpHeaderNames.CONTENT_TYPE, "text/html"));
        for (var e : app) {
            if (!HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(e.getKey())
                    && !HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(e.getKey())
                    && !HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(e.getKey())) {
                h.add(e.getKey(), e.getValue());
            }
        }
        if (keepAlive || !streamEnd) {
            h.set("Content-Length", resp.content().readableBytes());
        }
        if (!keepAlive) {
            h.set("Connection", "close");
        } else if (!req.protocolVersion().isKeepAliveDefault()) {
            h.set("Connection", "keep-alive");
        }
        if (req.method().equals(HttpMethod.HEAD)) {
            resp.content().clear();
        }
        var f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
