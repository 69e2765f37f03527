package dev.warden.lab.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * The last handler of a request/response protocol's pipeline: a connection that went idle (an {@code IdleStateHandler}
 * earlier in the pipeline said so) or whose handling failed is closed, as an embedded server drops it. Stateless, so
 * one instance serves every connection.
 */
@ChannelHandler.Sharable
public final class CloseOnIdleOrError extends ChannelInboundHandlerAdapter {
    public static final CloseOnIdleOrError INSTANCE = new CloseOnIdleOrError();

    private CloseOnIdleOrError() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
