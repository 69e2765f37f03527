package dev.warden.lab.proto.rtsp;

import dev.warden.lab.net.CloseOnIdleOrError;

import dev.warden.lab.LabException;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * A camera's RTSP server (TCP 554, 8554, 10554, 88...): what fingerprinting and stream-exposure checks talk to.
 * It answers OPTIONS with {@code Public:} and the vendor's {@code Server:} banner, DESCRIBE on the configured stream
 * paths with a realistic H.264 SDP, behind Digest or Basic authentication against the device's {@code web}
 * accounts (with lock-out) unless the weakness {@code unauth-rtsp-stream} is planted; it never streams media.
 *
 * <p>Options (text options take device variables such as {@code ${serial}}):
 * <ul>
 *   <li>{@code server}: the {@code Server:} header, absent when not set ({@code Dahua Rtsp Server}, {@code H264DVR 1.0})</li>
 *   <li>{@code public}: the methods listed in {@code Public:}, a list or a comma-separated string; default
 *       {@code OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER}</li>
 *   <li>{@code auth-options}: true when OPTIONS needs credentials too (default false)</li>
 *   <li>{@code auth}: {@code digest} (default) or {@code basic}; {@code also-basic: true} makes a Digest server offer
 *       and accept Basic as well (older Hikvision firmware)</li>
 *   <li>{@code realm}: the challenge realm, default {@code ${model}}</li>
 *   <li>{@code paths}: the stream paths (required), each a string or {@code {path: ..., resolution: WxH}}; a query in a
 *       path is part of the stream's name (Dahua {@code /cam/realmonitor?channel=1&subtype=0})</li>
 *   <li>{@code resolution}: default picture size announced in the SDP, {@code 1920x1080}</li>
 *   <li>{@code session-name}: the SDP {@code s=} line, default {@code ${model}}</li>
 *   <li>{@code audio}: true adds a G.711 A-law audio track (default false)</li>
 *   <li>{@code dialect}: how answers are laid out on the wire, a {@link RtspDialect} preset: {@code generic}
 *       (default), {@code hikvision}, {@code dahua} or {@code h264dvr}</li>
 * </ul>
 *
 * <p>Requests are parsed by a small decoder of our own rather than Netty's {@code RtspDecoder}: that one is an HTTP
 * decoder underneath, which turns malformed input into a synthetic request, rebuilds the request-URI, and leaves
 * the limits on line and header sizes scattered; ours keeps the URI exactly as sent (query included, which Dahua's
 * stream names need), refuses binary garbage at the first byte, bounds the whole head at
 * {@value RtspRequestDecoder#MAX_HEAD} bytes and a body at {@value RtspRequestDecoder#MAX_BODY}, and makes "answer
 * 400 and close" the one way to fail. A connection idle for {@value #IDLE_SECONDS} s is closed.
 */
public final class RtspServer implements ProtocolServer {
    static final int IDLE_SECONDS = 30;

    @Override
    public String name() {
        return "rtsp";
    }

    @Override
    public Transport transport() {
        return Transport.TCP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        try {
            RtspConfig.of(spec);
        } catch (IllegalArgumentException e) {
            throw new LabException("profile " + profileId + " port " + spec.port() + ": " + e.getMessage());
        }
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        ch.pipeline()
                .addLast("rtsp-idle", new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                .addLast("rtsp-decoder", new RtspRequestDecoder())
                .addLast("rtsp", new RtspHandler(device, RtspConfig.of(spec), spec.port()))
                .addLast("close", CloseOnIdleOrError.INSTANCE);
    }
}
