package dev.warden.lab.proto.rtsp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cuts the byte stream of one RTSP connection into {@link RtspRequest}s: request line, header fields up to the empty
 * line, then {@code Content-Length} bytes of body. Several requests in one read (pipelining) give several messages.
 *
 * <p>Everything is bounded: the request line and headers together may take {@value #MAX_HEAD} bytes, a body
 * {@value #MAX_BODY}. Anything that is not a request (binary garbage, an over-long head, a header line without a
 * colon, a bad Content-Length) gives one {@link RtspRequest#malformed malformed} message and everything after it is
 * discarded, so the handler can answer 400 and close.
 */
final class RtspRequestDecoder extends ByteToMessageDecoder {
    static final int MAX_HEAD = 8192;
    static final int MAX_BODY = 65536;
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z_-]{1,32}) (\\S{1,4096}) ([A-Za-z]{1,8}/\\d\\.\\d)");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    private boolean failed;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed) {
            skipBlankLines(in);
            if (!startsLikeRequest(in)) {
                fail(in, out, Map.of());
                return;
            }
            int headEnd = headEnd(in);
            if (headEnd < 0) {
                if (in.readableBytes() > MAX_HEAD) {
                    fail(in, out, Map.of());
                }
                return;
            }
            int headLen = headEnd - in.readerIndex();
            if (headLen > MAX_HEAD) {
                fail(in, out, Map.of());
                return;
            }
            String head = in.toString(in.readerIndex(), headLen, StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r?\n");
            var line = REQUEST_LINE.matcher(lines[0]);
            boolean ok = line.matches() && parseHeaders(lines, headers);
            int bodyLen = ok ? contentLength(headers) : -1;
            if (bodyLen < 0) {
                fail(in, out, headers);
                return;
            }
            int afterHead = headEnd + (in.getByte(headEnd) == '\r' ? 4 : 2);
            if (in.writerIndex() - afterHead < bodyLen) {
                return; // wait for the rest of the body
            }
            byte[] body = new byte[bodyLen];
            in.getBytes(afterHead, body);
            in.readerIndex(afterHead + bodyLen);
            out.add(new RtspRequest(line.group(1), line.group(2), line.group(3), headers, body, false));
        }
        in.skipBytes(in.readableBytes());
    }

    private void fail(ByteBuf in, List<Object> out, Map<String, String> headers) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(RtspRequest.malformed(headers));
    }

    /** Clients may send empty lines between requests (RFC 2326 keep-alives); they are not requests. */
    private static void skipBlankLines(ByteBuf in) {
        while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
        }
    }

    /**
     * Whether what has arrived so far can still be a request: a method token of letters, {@code _} and {@code -}
     * followed by a space. Binary garbage is refused at once instead of waiting for a line end that may never come.
     */
    private static boolean startsLikeRequest(ByteBuf in) {
        int n = Math.min(in.readableBytes(), 33);
        for (int i = 0; i < n; i++) {
            byte b = in.getByte(in.readerIndex() + i);
            if (b == ' ') {
                return i > 0;
            }
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '_' || b == '-')) {
                return false;
            }
        }
        return n < 33;
    }

    /** The index of the blank line that ends the head ({@code \r\n\r\n} or {@code \n\n}), or -1 when not yet read. */
    private static int headEnd(ByteBuf in) {
        int end = Math.min(in.writerIndex(), in.readerIndex() + MAX_HEAD + 4);
        for (int i = in.readerIndex(); i < end - 1; i++) {
            byte b = in.getByte(i);
            if (b == '\n' && in.getByte(i + 1) == '\n') {
                return i;
            }
            if (b == '\r' && i + 3 < end && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static boolean parseHeaders(String[] lines, Map<String, String> headers) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String name = lines[i].substring(0, colon);
            if (!HEADER_NAME.matcher(name).matches()) {
                return false;
            }
            headers.put(name, lines[i].substring(colon + 1).strip());
        }
        return true;
    }

    /** The body length, or -1 when Content-Length is not a number in 0..{@value #MAX_BODY}. */
    private static int contentLength(Map<String, String> headers) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("Content-Length")) {
                String v = e.getValue();
                if (!v.matches("\\d{1,6}")) {
                    return -1;
                }
                int n = Integer.parseInt(v);
                return n <= MAX_BODY ? n : -1;
            }
        }
        return 0;
    }
}
