package dev.warden.assess.wire;

import java.util.List;

/**
 * One HTTP or RTSP request as it goes on the wire.
 *
 * @param method  GET, POST, DESCRIBE, ...
 * @param target  the request target: a path for HTTP, the full rtsp:// URL for RTSP
 * @param headers header lines ({@code Name: value}), without Host/CSeq/Content-Length (added by the exchange)
 * @param body    request body, or null
 */
public record WebRequest(String method, String target, List<String> headers, byte[] body) {
    public WebRequest {
        headers = List.copyOf(headers);
    }

    /** The same request with one more header. */
    public WebRequest with(String header) {
        List<String> h = new java.util.ArrayList<>(headers);
        h.add(header);
        return new WebRequest(method, target, h, body);
    }
}
