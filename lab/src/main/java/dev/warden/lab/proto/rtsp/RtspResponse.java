package dev.warden.lab.proto.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RTSP/1.0 response being put together: status line, then CSeq, Server, the headers in the order added, Date and
 * {@code Content-Length}, arranged and spelled as the service's {@link RtspDialect} says, and the body.
 */
final class RtspResponse {
    private final int status;
    private final String reason;
    private final String cseq;
    private final String server;
    private final RtspDialect dialect;
    private final List<String[]> headers = new ArrayList<>();
    private String body = "";

    /** A response; a null {@code cseq} or {@code server} leaves that header out. */
    RtspResponse(int status, String reason, String cseq, String server, RtspDialect dialect) {
        this.status = status;
        this.reason = reason;
        this.cseq = cseq;
        this.server = server;
        this.dialect = dialect;
    }

    /** Adds a header; a null value adds nothing. */
    RtspResponse header(String name, String value) {
        if (value != null) {
            headers.add(new String[] {name, value});
        }
        return this;
    }

    RtspResponse body(String contentType, String text) {
        header("Content-Type", contentType);
        body = text;
        return this;
    }

    int status() {
        return status;
    }

    ByteBuf encode() {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(256).append("RTSP/1.0 ").append(status).append(' ').append(reason).append("\r\n");
        if (dialect.serverAt() == RtspDialect.ServerAt.FIRST) {
            line(sb, "Server", server);
        }
        line(sb, dialect.cseqName(), cseq);
        if (dialect.serverAt() == RtspDialect.ServerAt.AFTER_CSEQ) {
            line(sb, "Server", server);
        }
        for (String[] h : headers) {
            line(sb, h[0], h[1]);
        }
        if (dialect.serverAt() == RtspDialect.ServerAt.LAST) {
            line(sb, "Server", server);
        }
        line(sb, "Date", dialect.dateNow());
        if (b.length > 0 || dialect.alwaysLength()) {
            line(sb, "Content-Length", Integer.toString(b.length));
        }
        sb.append("\r\n");
        return Unpooled.wrappedBuffer(sb.toString().getBytes(StandardCharsets.UTF_8), b);
    }

    private static void line(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(name).append(": ").append(value).append("\r\n");
        }
    }
}
