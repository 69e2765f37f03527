package dev.warden.lab.proto.http;

import dev.warden.lab.net.CloseOnIdleOrError;

import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The devices' web servers, HTTP and (with {@code tls: true}) HTTPS: every camera, DVR and router answers its web UI,
 * CGI, ONVIF and UPnP here. What a port serves is a list of {@link HttpApp web apps}, asked in order.
 *
 * <p>Options: {@code apps} (list of app names, required), {@code server} (the Server header, device variables
 * allowed; none when absent, as some devices send none), {@code not-found} (a response object answering what no app
 * does), {@code idle-seconds} (default 30), {@code dialect} ({@code generic}, or {@code miniupnpd} for miniupnpd's
 * answer to an empty request line, see {@link MiniUpnpdEmptyLine}). Requests are capped (4 KiB request line, 8 KiB headers, 64 KiB body) so a
 * hostile client cannot hurt the lab.
 */
public final class HttpServer implements ProtocolServer {
    static final int MAX_BODY = 64 * 1024;

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Transport transport() {
        return Transport.TCP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        HttpPort.resolve("profile " + profileId + " port " + spec.port(), spec);
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        HttpPort port = HttpPort.of(spec);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, port.idleSeconds(), TimeUnit.SECONDS));
        if (port.miniupnpd()) {
            ch.pipeline().addLast("miniupnpd", new MiniUpnpdEmptyLine(device, port.server()));
        }
        ch.pipeline()
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(4096)
                        .setMaxHeaderSize(8192)
                        .setMaxChunkSize(8192)))
                .addLast("aggregate", new HttpObjectAggregator(MAX_BODY))
                .addLast("web", new HttpHandler(device, spec, port))
                .addLast("close", CloseOnIdleOrError.INSTANCE);
    }
}
