package dev.warden.lab.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of a UDP discovery service (SSDP, WS-Discovery): each datagram, decoded as UTF-8, is handed to an
 * answering function, and whatever it returns is sent back to the sender, one datagram per reply. Oversized
 * datagrams are dropped unread; garbage gets no reply; nothing a client sends can close the shared channel.
 */
public final class DatagramResponder extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramResponder.class);

    private final int maxBytes;
    private final Function<String, List<String>> answer;

    /**
     * @param maxBytes largest datagram read; larger ones are ignored
     * @param answer   the replies to one request, empty for none; may be called only from the channel's event loop
     */
    public DatagramResponder(int maxBytes, Function<String, List<String>> answer) {
        this.maxBytes = maxBytes;
        this.answer = answer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        if (packet.content().readableBytes() > maxBytes) {
            return;
        }
        List<String> replies;
        try {
            replies = answer.apply(packet.content().toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.debug("no answer to a datagram from {}: {}", packet.sender(), e.toString());
            return;
        }
        for (String r : replies) {
            ctx.write(new DatagramPacket(Unpooled.copiedBuffer(r, StandardCharsets.UTF_8), packet.sender()));
        }
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("datagram error on {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
