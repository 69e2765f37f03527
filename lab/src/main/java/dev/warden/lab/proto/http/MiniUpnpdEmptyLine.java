package dev.warden.lab.proto.http;

import dev.warden.lab.device.SimDevice;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * miniupnpd's answer to a request whose first line is empty (a bare {@code \r\n}, as scanners send): it cannot read
 * an HTTP version, echoes the empty one, and the status line starts with a space: {@code " 501 Not Implemented"}.
 * That quirk, with its header order (Content-Type, Connection, Content-Length, Server, Ext), is how nmap tells
 * miniupnpd from other UPnP stacks. Netty's HTTP decoder would skip the empty line and wait, so this handler sits
 * before it, looks at the first bytes of a connection only, and then steps aside.
 */
final class MiniUpnpdEmptyLine extends ChannelInboundHandlerAdapter {
    static final String BODY = "<HTML><HEAD><TITLE>501 Not Implemented</TITLE></HEAD><BODY><H1>Not Implemented</H1>"
            + "The HTTP Method is not implemented by this server.</BODY></HTML>\r\n";

    private final SimDevice device;
    private final String server;

    MiniUpnpdEmptyLine(SimDevice device, String server) {
        this.device = device;
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf in && in.isReadable()) {
            ctx.pipeline().remove(this);
            if (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n') {
                in.release();
                String head = " 501 Not Implemented\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: "
                        + BODY.length() + "\r\n" + (server == null ? "" : "Server: " + device.render(server) + "\r\n")
                        + "Ext:\r\n\r\n";
                ctx.writeAndFlush(Unpooled.copiedBuffer(head + BODY, StandardCharsets.US_ASCII))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
