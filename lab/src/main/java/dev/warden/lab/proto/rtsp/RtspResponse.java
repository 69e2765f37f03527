package dev.warden.lab.proto.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RTSP/1.0 response being put together: status line, then headers in the order added (CSeq first, the way
 * cameras write them), a {@code Date:}, and the body with its {@code Content-Length}.
 */
final class RtspResponse {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private final int status;
    private final String reason;
    private final List<String[]> headers = new ArrayList<>();
    private String body = "";

    RtspResponse(int status, String reason, String cseq, String server) {
        this.status = status;
        this.reason = reason;
        header("CSeq", cseq);
        header("Server", server);
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
        for (String[] h : headers) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        sb.append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (b.length > 0) {
            sb.append("Content-Length: ").append(b.length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        return Unpooled.wrappedBuffer(head, b);
    }
}
