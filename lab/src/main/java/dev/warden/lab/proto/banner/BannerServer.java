package dev.warden.lab.proto.banner;

import dev.warden.lab.LabException;
import dev.warden.lab.device.SimDevice;
import dev.warden.lab.net.ProtocolServer;
import dev.warden.lab.profile.ServiceSpec;
import dev.warden.model.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A plain TCP service that greets (or stays silent) and answers whatever it is sent with a fixed reply:
 * vendor SDK and console ports such as Dahua 37777, XiongMai 34567 and 9527, Hikvision 8000, and SSH's version line.
 *
 * <p>Options: {@code banner} (text, device variables allowed) or {@code banner-hex}; {@code reply} or
 * {@code reply-hex}, sent once per chunk received; {@code close-after-reply} (default false).
 */
public final class BannerServer implements ProtocolServer {
    @Override
    public String name() {
        return "banner";
    }

    @Override
    public Transport transport() {
        return Transport.TCP;
    }

    @Override
    public void validate(String profileId, ServiceSpec spec) {
        for (String k : spec.options().keySet()) {
            if (!k.equals("banner") && !k.equals("banner-hex") && !k.equals("reply") && !k.equals("reply-hex")
                    && !k.equals("close-after-reply")) {
                throw new LabException("profile " + profileId + " port " + spec.port() + ": unknown banner option '" + k + "'");
            }
        }
        try {
            bytes(spec, "banner", null);
            bytes(spec, "reply", null);
        } catch (IllegalArgumentException e) {
            throw new LabException("profile " + profileId + " port " + spec.port() + ": " + e.getMessage());
        }
    }

    static byte[] bytes(ServiceSpec spec, String key, SimDevice d) {
        Object hex = spec.options().get(key + "-hex");
        if (hex != null) {
            return HexFormat.of().parseHex(hex.toString().replace(" ", ""));
        }
        Object text = spec.options().get(key);
        if (text == null) {
            return null;
        }
        String s = d == null ? text.toString() : d.render(text.toString());
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void init(Channel ch, SimDevice device, ServiceSpec spec) {
        byte[] banner = bytes(spec, "banner", device);
        byte[] reply = bytes(spec, "reply", device);
        boolean close = Boolean.parseBoolean(spec.option("close-after-reply", "false"));
        ch.pipeline().addLast("banner", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                if (banner != null) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(banner));
                }
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                int n = msg instanceof ByteBuf b ? b.readableBytes() : 0;
                ReferenceCountUtil.release(msg);
                if (n > 0 && reply != null) {
                    var f = ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
                    if (close) {
                        f.addListener(x -> ctx.close());
                    }
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        });
    }
}
