package dev.warden.lab.proto.http;

import dev.warden.lab.LabException;
import dev.warden.lab.proto.http.RouteSetSpec.ResponseSpec;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled {@link ResponseSpec}: a fixed answer whose headers and body are rendered per request with the device's
 * variables and the request-time ones ({@code ${time.year}} ... {@code ${time.sec}}, {@code ${time.epoch}}).
 */
public final class CannedResponse {
    private static final Pattern TIME_VAR = Pattern.compile("\\$\\{time\\.(year|mon|day|hour|min|sec|epoch)}");
    private static final String BOUNDARY = "ipcamera";

    private final HttpResponseStatus status;
    private final String type;
    private final Map<String, String> headers;
    private final String body;
    private final String kind;
    private final boolean close;

    private CannedResponse(HttpResponseStatus status, String type, Map<String, String> headers, String body,
                           String kind, boolean close) {
        this.status = status;
        this.type = type;
        this.headers = headers;
        this.body = body;
        this.kind = kind;
        this.close = close;
    }

    /** A plain answer with an HTML body. */
    public static CannedResponse html(int status, String body) {
        return new CannedResponse(HttpResponseStatus.valueOf(status), "text/html", Map.of(), body, "text", false);
    }

    /**
     * Compiles a spec.
     *
     * @throws LabException naming {@code where} when the status or body kind is wrong
     */
    public static CannedResponse compile(String where, ResponseSpec s) {
        int status = s.status() == null ? 200 : s.status();
        if (status < 100 || status > 599) {
            throw new LabException(where + ": bad status " + status);
        }
        String kind = s.bodyKind() == null ? "text" : s.bodyKind();
        if (!kind.equals("text") && !kind.equals("jpeg") && !kind.equals("mjpeg")) {
            throw new LabException(where + ": body-kind must be text, jpeg or mjpeg, not '" + kind + "'");
        }
        if (!kind.equals("text") && s.body() != null) {
            throw new LabException(where + ": a " + kind + " response has no body text");
        }
        String type = s.type() != null ? s.type()
                : switch (kind) {
                    case "jpeg" -> "image/jpeg";
                    case "mjpeg" -> "multipart/x-mixed-replace;boundary=" + BOUNDARY;
                    default -> "text/html";
                };
        Map<String, String> headers = s.headers() == null ? Map.of() : new LinkedHashMap<>(s.headers());
        return new CannedResponse(HttpResponseStatus.valueOf(status), type, headers, s.body() == null ? "" : s.body(),
                kind, s.close() || kind.equals("mjpeg"));
    }

    /** This answer with one more header (a challenge, say). */
    public FullHttpResponse render(HttpExchange ex, String extraHeader, String extraValue) {
        FullHttpResponse r = render(ex);
        r.headers().set(extraHeader, extraValue);
        return r;
    }

    /** Renders the answer for one request. */
    public FullHttpResponse render(HttpExchange ex) {
        byte[] content = switch (kind) {
            case "jpeg" -> SnapshotJpeg.of(ex.device().name());
            case "mjpeg" -> mjpegFrame(SnapshotJpeg.of(ex.device().name()));
            default -> render(ex, body).getBytes(StandardCharsets.UTF_8);
        };
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(content));
        r.headers().set("Content-Type", type);
        headers.forEach((k, v) -> r.headers().set(k, render(ex, v)));
        if (close) {
            r.headers().set("Connection", "close");
        }
        return r;
    }

    private static byte[] mjpegFrame(byte[] jpeg) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + jpeg.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(jpeg, 0, out, head.length, jpeg.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    private static String render(HttpExchange ex, String template) {
        String s = ex.device().render(template);
        if (s.indexOf("${time.") < 0) {
            return s;
        }
        ZonedDateTime now = ZonedDateTime.now();
        Matcher m = TIME_VAR.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            long v = switch (m.group(1)) {
                case "year" -> now.getYear();
                case "mon" -> now.getMonthValue();
                case "day" -> now.getDayOfMonth();
                case "hour" -> now.getHour();
                case "min" -> now.getMinute();
                case "sec" -> now.getSecond();
                default -> now.toEpochSecond();
            };
            m.appendReplacement(sb, Long.toString(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
