package dev.warden.lab.proto.rtsp;

import java.util.Map;
import java.util.TreeMap;

/**
 * One RTSP request as {@link RtspRequestDecoder} read it, or a request it could not read.
 *
 * @param method  the method token as sent ({@code DESCRIBE}); null when {@code malformed}
 * @param uri     the request-URI as sent ({@code rtsp://host:554/path?query}, {@code /path} or {@code *})
 * @param version the protocol version as sent ({@code RTSP/1.0})
 * @param headers header fields, names case-insensitive; the last one wins when a name repeats
 * @param body    the body ({@code Content-Length} bytes), empty when there is none
 * @param malformed true when the bytes were not a request (garbage, too long, bad header): answer 400 and close
 */
record RtspRequest(String method, String uri, String version, Map<String, String> headers, byte[] body,
                   boolean malformed) {
    RtspRequest {
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = h;
    }

    /** A request that could not be read; {@code headers} holds whatever was read before the fault (CSeq, say). */
    static RtspRequest malformed(Map<String, String> headers) {
        return new RtspRequest(null, null, null, headers, new byte[0], true);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The CSeq to echo, or null when the client sent none. */
    String cseq() {
        return headers.get("CSeq");
    }
}
