package dev.warden.lab.proto.http;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.proto.http.RouteSetSpec.AuthSpec;
import dev.warden.lab.proto.http.RouteSetSpec.ResponseSpec;
import dev.warden.lab.proto.http.RouteSetSpec.RouteSpec;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A vendor web application written as data ({@code lab/http/<name>.yaml}, format in {@code lab/http/README.md}),
 * compiled once: the first route that exists on the device and matches the request answers it.
 */
public final class RouteSet implements HttpApp {
    /** The profile conventions, plus a single value where a list is expected ({@code method: POST}). */
    static final YAMLMapper YAML = ProfileCatalog.YAML.rebuild()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final String name;
    private final List<Route> routes;

    private RouteSet(String name, List<Route> routes) {
        this.name = name;
        this.routes = routes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FullHttpResponse handle(HttpExchange exchange) {
        for (Route r : routes) {
            if (r.matches(exchange)) {
                return r.answer(exchange);
            }
        }
        return null;
    }

    /**
     * Parses and compiles a route set.
     *
     * @param source     where it came from, for messages ({@code lab/http/foscam-cgi.yaml})
     * @param weaknesses the known weakness ids, which {@code weakness}, {@code unless} and bypasses must name
     * @throws LabException naming the file and the route when anything is wrong
     */
    public static RouteSet compile(String source, byte[] yaml, Set<String> weaknesses) {
        RouteSetSpec spec;
        try {
            // snakeyaml-engine resolves anchors and aliases (shared auth and answers); Jackson then maps the tree
            Object tree = new Load(LoadSettings.builder().setLabel(source).build())
                    .loadFromString(new String(yaml, StandardCharsets.UTF_8));
            spec = YAML.convertValue(tree, RouteSetSpec.class);
        } catch (YamlEngineException e) {
            throw new LabException(source + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            throw new LabException(source + ": " + (m == null ? e.toString() : m.lines().findFirst().orElse(m))
                    + " at " + e.getPathReference());
        }
        String file = source.substring(source.lastIndexOf('/') + 1).replace(".yaml", "");
        if (spec == null || !file.equals(spec.id())) {
            throw new LabException(source + ": id '" + (spec == null ? null : spec.id()) + "' must equal the file name '" + file + "'");
        }
        if (spec.routes().isEmpty()) {
            throw new LabException(source + ": no routes");
        }
        CannedResponse locked = spec.locked() == null ? CannedResponse.html(403, HttpPages.page(403, "Forbidden"))
                : CannedResponse.compile(source + " locked", spec.locked());
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < spec.routes().size(); i++) {
            routes.add(compile(source + " route " + (i + 1), spec.routes().get(i), spec, locked, weaknesses));
        }
        return new RouteSet(spec.id(), List.copyOf(routes));
    }

    private static Route compile(String at, RouteSpec r, RouteSetSpec set, CannedResponse setLocked, Set<String> weaknesses) {
        List<String> paths = r.path() == null ? List.of() : List.copyOf(r.path());
        List<String> prefixes = r.pathPrefix() == null ? List.of() : List.copyOf(r.pathPrefix());
        at += " (" + String.join(" ", paths.isEmpty() ? prefixes : paths) + ")";
        if (paths.isEmpty() == prefixes.isEmpty()) {
            throw new LabException(at + ": give either path or path-prefix");
        }
        for (String p : paths.isEmpty() ? prefixes : paths) {
            if (!p.startsWith("/")) {
                throw new LabException(at + ": path must start with '/': " + p);
            }
        }
        Set<HttpMethod> methods = new LinkedHashSet<>();
        for (String m : r.method() == null ? List.of("GET", "HEAD") : r.method()) {
            if (!METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                throw new LabException(at + ": unknown method " + m);
            }
            methods.add(HttpMethod.valueOf(m.toUpperCase(Locale.ROOT)));
        }
        requireWeakness(at + " weakness", r.weakness(), weaknesses);
        requireWeakness(at + " unless", r.unless(), weaknesses);
        if (r.response() == null) {
            throw new LabException(at + ": response is required");
        }
        Route.Auth auth = auth(at, r, set, weaknesses);
        CannedResponse denied = r.denied() != null ? CannedResponse.compile(at + " denied", r.denied())
                : CannedResponse.html(401, HttpPages.page(401, "Unauthorized"));
        CannedResponse locked = r.locked() == null ? setLocked : CannedResponse.compile(at + " locked", r.locked());
        Route.Match match = new Route.Match(Set.copyOf(methods), paths, prefixes, copy(r.query()), copy(r.headers()),
                r.bodyContains(), r.weakness(), r.unless());
        return new Route(match, auth, CannedResponse.compile(at + " response", r.response()), denied, locked);
    }

    private static Route.Auth auth(String at, RouteSpec r, RouteSetSpec set, Set<String> weaknesses) {
        AuthSpec a = r.auth();
        Route.Scheme scheme;
        try {
            scheme = Route.Scheme.valueOf((a == null || a.scheme() == null ? "none" : a.scheme()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LabException(at + ": auth scheme must be none, basic, digest, query or form, not '" + a.scheme() + "'");
        }
        String realm = a != null && a.realm() != null ? a.realm() : set.realm();
        if ((scheme == Route.Scheme.BASIC || scheme == Route.Scheme.DIGEST) && realm == null) {
            throw new LabException(at + ": " + a.scheme() + " auth needs a realm (on the route or the set)");
        }
        if ((scheme == Route.Scheme.QUERY || scheme == Route.Scheme.FORM) && (a.userParam() == null || a.passwordParam() == null)) {
            throw new LabException(at + ": " + a.scheme() + " auth needs user-param and password-param");
        }
        if (r.bypass() != null) {
            if (scheme == Route.Scheme.NONE || r.bypass().weakness() == null || r.bypass().query() == null) {
                throw new LabException(at + ": a bypass needs an auth scheme to skip, a weakness and a query");
            }
            requireWeakness(at + " bypass", r.bypass().weakness(), weaknesses);
        }
        return new Route.Auth(scheme, realm, a == null ? null : a.userParam(), a == null ? null : a.passwordParam(),
                r.bypass() == null ? Map.of() : copy(r.bypass().query()),
                r.bypass() == null ? null : r.bypass().weakness());
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return m == null ? Map.of() : Map.copyOf(m);
    }

    private static void requireWeakness(String at, String id, Set<String> weaknesses) {
        if (id != null && !weaknesses.contains(id)) {
            throw new LabException(at + ": unknown weakness '" + id + "'");
        }
    }

    static ResponseSpec response(Object yamlTree) {
        return YAML.convertValue(yamlTree, ResponseSpec.class);
    }
}
