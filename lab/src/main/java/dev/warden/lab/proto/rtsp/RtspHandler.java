package dev.warden.lab.proto.rtsp;

import dev.warden.lab.device.SimDevice;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Answers the requests of one RTSP connection, in order, as a camera that never streams: OPTIONS, DESCRIBE with
 * its SDP (behind authentication unless {@code unauth-rtsp-stream} is planted), and refusals for the rest.
 *
 * <p>{@code SETUP} gets {@code 461 Unsupported Transport}: a real answer servers give for transports they cannot
 * do, which makes players stop cleanly instead of waiting for RTP that the lab never sends. With no session ever
 * set up, PLAY, PAUSE, TEARDOWN and session-bound GET/SET_PARAMETER get {@code 454 Session Not Found}; a
 * GET_PARAMETER without a session is the usual keep-alive ping and gets 200. Authentication is checked before
 * the path, as Hikvision and Dahua do, so without credentials every path looks the same (401); a locked-out client
 * keeps getting 401, as those cameras' RTSP servers answer.
 */
final class RtspHandler extends SimpleChannelInboundHandler<RtspRequest> {
    /** RFC 2326 methods: known but not listed in Public gives 405, anything else 501. */
    private static final Set<String> RTSP_METHODS = Set.of("OPTIONS", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY",
            "PAUSE", "TEARDOWN", "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD");
    static final String WEAKNESS_OPEN = "unauth-rtsp-stream";

    private final SimDevice device;
    private final RtspConfig config;
    private final RtspAuth auth;
    private final int port;

    RtspHandler(SimDevice device, RtspConfig config, int port) {
        this.device = device;
        this.config = config;
        this.auth = new RtspAuth(device, config);
        this.port = port;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RtspRequest req) {
        if (req.malformed()) {
            ctx.writeAndFlush(response(req, 400, "Bad Request").encode()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!req.version().startsWith("RTSP/1.") && !config.dialect().anyVersion()) {
            ctx.writeAndFlush(response(req, 505, "RTSP Version Not Supported").encode())
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(answer(req, ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress()).encode());
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false); // a client pipelining without reading: stop reading it too
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
            // Requests the decoder already holds would otherwise wait for the client's next bytes, which may never
            // come: an empty read from the head makes it decode what it has.
            // Scheduled, not inline: this event can fire inside a write made from the decoder's own loop.
            ctx.executor().execute(() -> ctx.channel().pipeline().fireChannelRead(io.netty.buffer.Unpooled.EMPTY_BUFFER));
        }
        ctx.fireChannelWritabilityChanged();
    }

    private RtspResponse answer(RtspRequest req, InetAddress client) {
        String m = req.method();
        String methods = String.join(", ", config.methods());
        if (!RTSP_METHODS.contains(m)) {
            return response(req, 501, "Not Implemented").header("Public", methods);
        }
        if (!config.methods().contains(m)) {
            return response(req, 405, "Method Not Allowed").header("Allow", methods);
        }
        if (!m.equals("OPTIONS") || config.authOptions()) {
            RtspResponse denied = authenticate(req, client);
            if (denied != null) {
                return denied;
            }
        }
        boolean inSession = req.header("Session") != null;
        return switch (m) {
            case "OPTIONS" -> response(req, 200, "OK").header("Public", methods);
            case "DESCRIBE" -> describe(req);
            case "SETUP" -> response(req, 461, "Unsupported Transport");
            case "GET_PARAMETER" -> inSession ? sessionNotFound(req) : response(req, 200, "OK");
            case "SET_PARAMETER" -> inSession ? sessionNotFound(req) : response(req, 451, "Parameter Not Understood");
            default -> sessionNotFound(req); // PLAY, PAUSE, TEARDOWN
        };
    }

    /** Null when the request may go on; else the 401 to send. */
    private RtspResponse authenticate(RtspRequest req, InetAddress client) {
        if (device.has(WEAKNESS_OPEN)) {
            return null;
        }
        RtspAuth.Verdict v = auth.check(req, client);
        if (v == RtspAuth.Verdict.OK) {
            return null;
        }
        RtspResponse r = response(req, 401, "Unauthorized");
        for (String c : auth.challenge(v == RtspAuth.Verdict.STALE)) {
            r.header("WWW-Authenticate", c);
        }
        return r;
    }

    private RtspResponse describe(RtspRequest req) {
        StreamPath stream = config.stream(req.uri());
        if (stream == null) {
            return response(req, 404, "Stream Not Found");
        }
        String base = req.uri().contains("://") ? req.uri()
                : "rtsp://" + device.ip() + ":" + port + StreamPath.pathAndQuery(req.uri());
        String sessionId = Long.toString(System.currentTimeMillis() * 1000);
        return response(req, 200, "OK")
                .header("Content-Base", base.endsWith("/") ? base : base + "/")
                .body("application/sdp", Sdp.describe(sessionId, device.ip(), device.render(config.sessionName()),
                        stream, config.audio()));
    }

    private RtspResponse sessionNotFound(RtspRequest req) {
        return response(req, 454, "Session Not Found");
    }

    private RtspResponse response(RtspRequest req, int status, String reason) {
        return new RtspResponse(status, reason, req.cseq(), device.render(config.server()), config.dialect());
    }
}
