package dev.warden.lab.proto.http;

import dev.warden.lab.device.LoginResult;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled route of a {@link RouteSet}: what requests it matches, on which devices it exists, how the client
 * must authenticate and what it answers.
 */
final class Route {
    /** How a route's client authenticates. */
    enum Scheme { NONE, BASIC, DIGEST, QUERY, FORM }

    /** Where the route lives on the device and which requests it takes. */
    record Match(Set<HttpMethod> methods, List<String> paths, List<String> prefixes, Map<String, String> query,
                 Map<String, String> headers, String bodyContains, String weakness, String unless) {
    }

    /** The route's authentication: scheme, realm, parameter names, and the bypass, if any. */
    record Auth(Scheme scheme, String realm, String userParam, String passwordParam, Map<String, String> bypassQuery,
                String bypassWeakness) {
    }

    private final Match match;
    private final Auth auth;
    private final CannedResponse response;
    private final CannedResponse denied;
    private final CannedResponse locked;

    Route(Match match, Auth auth, CannedResponse response, CannedResponse denied, CannedResponse locked) {
        this.match = match;
        this.auth = auth;
        this.response = response;
        this.denied = denied;
        this.locked = locked;
    }

    /** Whether this route exists on the exchange's device and takes its request. */
    boolean matches(HttpExchange ex) {
        if (match.weakness != null && !ex.device().has(match.weakness)
                || match.unless != null && ex.device().has(match.unless)
                || !match.methods.contains(ex.request().method())) {
            return false;
        }
        String path = ex.path();
        if (!match.paths.contains(path) && match.prefixes.stream().noneMatch(path::startsWith)) {
            return false;
        }
        if (!params(ex, match.query)) {
            return false;
        }
        for (Map.Entry<String, String> h : match.headers.entrySet()) {
            String v = ex.request().headers().get(h.getKey());
            if (v == null || !h.getValue().equals("*") && !v.contains(h.getValue())) {
                return false;
            }
        }
        return match.bodyContains == null || ex.body().contains(match.bodyContains);
    }

    private static boolean params(HttpExchange ex, Map<String, String> wanted) {
        Map<String, List<String>> got = ex.query().parameters();
        for (Map.Entry<String, String> q : wanted.entrySet()) {
            List<String> v = got.get(q.getKey());
            if (v == null || v.isEmpty() || !q.getValue().equals("*") && !q.getValue().equals(v.getFirst())) {
                return false;
            }
        }
        return true;
    }

    /** Answers a request this route matches, checking credentials first. */
    FullHttpResponse answer(HttpExchange ex) {
        if (auth.bypassWeakness != null && ex.device().has(auth.bypassWeakness) && params(ex, auth.bypassQuery)) {
            return response.render(ex);
        }
        LoginResult result = switch (auth.scheme) {
            case NONE -> LoginResult.OK;
            case BASIC -> {
                Credentials c = BasicAuth.credentials(ex.request());
                yield c == null ? null : c.check(ex);
            }
            case DIGEST -> DigestAuth.verify(ex, ex.device().render(auth.realm));
            case QUERY -> check(ex, Credentials.query(ex, auth.userParam, auth.passwordParam));
            case FORM -> check(ex, Credentials.form(ex, auth.userParam, auth.passwordParam));
        };
        if (result == LoginResult.OK) {
            return response.render(ex);
        }
        if (result == LoginResult.LOCKED) {
            return locked.render(ex);
        }
        String realm = auth.scheme == Scheme.BASIC || auth.scheme == Scheme.DIGEST ? ex.device().render(auth.realm) : null;
        return switch (auth.scheme) {
            case BASIC -> denied.render(ex, "WWW-Authenticate", BasicAuth.challenge(realm));
            case DIGEST -> denied.render(ex, "WWW-Authenticate",
                    DigestAuth.challenge(realm, DigestAuth.isStale(ex.request(), realm)));
            default -> denied.render(ex);
        };
    }

    private static LoginResult check(HttpExchange ex, Credentials c) {
        return c == null ? null : c.check(ex);
    }
}
