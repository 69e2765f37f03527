package dev.warden.lab.proto.http;

import java.util.List;
import java.util.Map;

/**
 * A route set as written in {@code lab/http/<id>.yaml}: one vendor's web application as data. Compiled into a
 * {@link RouteSet}; the format is documented in {@code lab/http/README.md}.
 *
 * @param id     equals the file name
 * @param realm  default realm of basic and digest routes
 * @param locked default answer while the client is locked out
 * @param routes the routes, tried in order
 */
public record RouteSetSpec(String id, String realm, ResponseSpec locked, List<RouteSpec> routes) {
    public RouteSetSpec {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /**
     * One route.
     *
     * @param method       methods it answers (default GET and HEAD)
     * @param path         exact paths
     * @param pathPrefix   path prefixes (instead of {@code path})
     * @param query        query parameters that must be present with these values ({@code "*"}: any value)
     * @param headers      request headers that must contain these substrings ({@code "*"}: present)
     * @param bodyContains a substring the request body must contain
     * @param weakness     the route exists only where this weakness is planted
     * @param unless       the route exists only where this weakness is not planted
     * @param auth         how the client must authenticate (none when absent)
     * @param bypass       when to skip authentication
     * @param response     the answer
     * @param denied       the answer to missing or wrong credentials
     * @param locked       the answer while locked out (overrides the set's)
     */
    public record RouteSpec(List<String> method, List<String> path, List<String> pathPrefix, Map<String, String> query,
                            Map<String, String> headers, String bodyContains, String weakness, String unless,
                            AuthSpec auth, BypassSpec bypass, ResponseSpec response, ResponseSpec denied,
                            ResponseSpec locked) {
    }

    /**
     * Authentication of a route.
     *
     * @param scheme        none, basic, digest, query or form
     * @param realm         realm for basic and digest (default: the set's)
     * @param userParam     query or form field holding the user name
     * @param passwordParam query or form field holding the password
     */
    public record AuthSpec(String scheme, String realm, String userParam, String passwordParam) {
    }

    /**
     * An authentication bypass: where the weakness is planted and the request carries these query parameters,
     * the route answers without credentials.
     */
    public record BypassSpec(Map<String, String> query, String weakness) {
    }

    /**
     * A canned answer.
     *
     * @param status   HTTP status (default 200)
     * @param type     Content-Type (default {@code text/html})
     * @param headers  extra headers, values rendered with device variables
     * @param body     body text, rendered with device variables
     * @param bodyKind {@code text} (default), {@code jpeg} (a snapshot frame) or {@code mjpeg} (one multipart frame)
     * @param close    close the connection after the answer, without Content-Length (streams end that way)
     */
    public record ResponseSpec(Integer status, String type, Map<String, String> headers, String body, String bodyKind,
                               boolean close) {
    }
}
