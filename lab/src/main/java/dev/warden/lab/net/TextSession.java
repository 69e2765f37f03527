package dev.warden.lab.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One connection of a line-oriented, server-speaks-first service (telnet, FTP), fed byte by byte.
 * Replies are collected and written once per batch of input; a session can pause, as login programs do after a wrong
 * password, without blocking the shared event loop: reading stops, the rest of the input waits in a bounded buffer and
 * the delay is scheduled. {@link #install} puts it at the end of a connection's pipeline with an idle time-out.
 *
 * <p>Text is ISO-8859-1, so a char is a byte on the wire (telnet's IAC is {@code '\u00ff'}).
 */
public abstract class TextSession extends ChannelInboundHandlerAdapter {
    /** Input held while paused; more than this is dropped (a kernel tty buffer is no bigger). */
    private static final int MAX_PENDING = 64 * 1024;

    private final StringBuilder out = new StringBuilder();
    private ByteBuf pending;
    private ChannelHandlerContext ctx;
    private boolean paused;
    private boolean closing;

    /** Adds this session to a new connection, behind a time-out that calls {@link #onIdle} after {@code idleSeconds}. */
    public final void install(Channel ch, int idleSeconds) {
        ch.pipeline().addLast("idle", new IdleStateHandler(idleSeconds, 0, 0));
        ch.pipeline().addLast("session", this);
    }

    /** The client's address, for {@link dev.warden.lab.device.SimDevice#login} and its lock-out accounting. */
    protected final InetAddress client() {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }

    /** Called once the client is connected: send the greeting with {@link #say}. */
    protected abstract void onConnect();

    /** Called for each byte the client sends, in order, except while paused or closing. */
    protected abstract void onByte(byte b);

    /** Called when the client has sent nothing for the idle time: say goodbye and {@link #closeAfterReply()}. */
    protected abstract void onIdle();

    /** Queues text for the client; it is written when the current input is handled. */
    protected final void say(String text) {
        out.append(text);
    }

    /** Closes the connection once what has been said is written; input after this is ignored. */
    protected final void closeAfterReply() {
        closing = true;
    }

    /** Stops reading for {@code delayMs}, then runs {@code then} and goes on with the input received meanwhile. */
    protected final void pauseThen(long delayMs, Runnable then) {
        paused = true;
        ctx.channel().config().setAutoRead(false);
        ctx.executor().schedule(() -> {
            if (!ctx.channel().isActive()) {
                return;
            }
            paused = false;
            then.run();
            if (!closing) {
                ctx.channel().config().setAutoRead(true);
            }
            drain();
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        pending = ctx.alloc().buffer(256);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        pending.release();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        onConnect();
        writeOut();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf in && !closing) {
                int room = MAX_PENDING - pending.readableBytes();
                pending.writeBytes(in, Math.min(room, in.readableBytes()));
                drain();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void drain() {
        while (!paused && !closing && pending.isReadable()) {
            onByte(pending.readByte());
        }
        pending.discardReadBytes();
        writeOut();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && !closing) {
            onIdle();
            writeOut();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    private void writeOut() {
        if (!out.isEmpty()) {
            var f = ctx.writeAndFlush(Unpooled.copiedBuffer(out, StandardCharsets.ISO_8859_1));
            out.setLength(0);
            if (closing) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        } else if (closing) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
