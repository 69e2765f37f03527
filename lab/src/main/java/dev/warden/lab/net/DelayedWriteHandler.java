package dev.warden.lab.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.TimeUnit;

/**
 * A slow responder: holds every write (and the close that follows it) back by a fixed delay, on the event loop,
 * so the order of writes is kept and no thread sleeps.
 */
public final class DelayedWriteHandler extends ChannelDuplexHandler {
    private final long delayMs;

    public DelayedWriteHandler(long delayMs) {
        this.delayMs = delayMs;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.executor().schedule(() -> {
            ctx.writeAndFlush(msg, promise);
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // each delayed write flushes itself
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.executor().schedule(() -> {
            ctx.close(promise);
        }, delayMs, TimeUnit.MILLISECONDS);
    }
}
