package dev.warden.lab.proto.rtsp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stream a camera serves, as a profile names it in {@code paths}: {@code /videoMain}, {@code /Streaming/Channels/101}
 * or Dahua's {@code /cam/realmonitor?channel=1&subtype=0}, where the query is part of the stream's name.
 *
 * <p>A request matches when its path is the same (a trailing {@code /} aside) and, when the stream's name carries a
 * query, every parameter of it is in the request's query with the same value. Other request parameters are
 * ignored, as Dahua ignores the {@code &unicast=true&proto=Onvif} its own ONVIF service appends.
 *
 * @param name   the path as configured
 * @param path   its path part
 * @param query  the parameters its name requires, possibly none
 * @param width  picture width announced in the SDP
 * @param height picture height
 */
record StreamPath(String name, String path, Map<String, String> query, int width, int height) {
    StreamPath {
        query = Map.copyOf(query);
    }

    /**
     * Parses a configured path.
     *
     * @throws IllegalArgumentException when it does not start with {@code /}
     */
    static StreamPath of(String name, int width, int height) {
        if (name == null || !name.startsWith("/")) {
            throw new IllegalArgumentException("stream path must start with '/', got '" + name + "'");
        }
        int q = name.indexOf('?');
        return new StreamPath(name, trimSlash(q < 0 ? name : name.substring(0, q)),
                q < 0 ? Map.of() : params(name.substring(q + 1)), width, height);
    }

    /**
     * Whether a request-URI names this stream.
     *
     * @param uri an absolute {@code rtsp://host[:port]/path?query} URI or an absolute path
     */
    boolean matches(String uri) {
        String rest = pathAndQuery(uri);
        int q = rest.indexOf('?');
        if (!trimSlash(q < 0 ? rest : rest.substring(0, q)).equals(path)) {
            return false;
        }
        Map<String, String> sent = q < 0 ? Map.of() : params(rest.substring(q + 1));
        for (var e : query.entrySet()) {
            if (!e.getValue().equals(sent.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The path and query of a request-URI: the scheme and authority of an absolute URI removed. */
    static String pathAndQuery(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }

    private static String trimSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (!kv.isEmpty()) {
                int eq = kv.indexOf('=');
                out.putIfAbsent(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return out;
    }
}
