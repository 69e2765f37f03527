package dev.warden.lab.proto.http;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolved options of one {@code http} service: its apps in order, its 404, its Server header template and idle
 * timeout. Resolved once per service spec and shared by all its connections.
 *
 * @param apps        asked in order
 * @param notFound    the answer when no app answers
 * @param server      the Server header template, or null for none
 * @param idleSeconds close a connection idle this long
 * @param miniupnpd   answer an empty request line as miniupnpd does ({@code dialect: miniupnpd})
 */
record HttpPort(List<HttpApp> apps, CannedResponse notFound, String server, int idleSeconds, boolean miniupnpd) {
    static final Set<String> OPTIONS = Set.of("server", "apps", "not-found", "idle-seconds", "dialect");
    private static final ConcurrentHashMap<ServiceSpec, HttpPort> CACHE = new ConcurrentHashMap<>();

    /** The port for a service, resolved on first use. */
    static HttpPort of(ServiceSpec spec) {
        return CACHE.computeIfAbsent(spec, s -> resolve("port " + s.port(), s));
    }

    /**
     * Resolves and checks a service's options.
     *
     * @throws LabException naming {@code at} and the option that is wrong
     */
    static HttpPort resolve(String at, ServiceSpec spec) {
        for (String k : spec.options().keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new LabException(at + ": unknown http option '" + k + "' (known: server, apps, not-found, idle-seconds, dialect)");
            }
        }
        Object server = spec.options().get("server");
        if (server != null && !(server instanceof String)) {
            throw new LabException(at + ": option 'server' must be a string");
        }
        if (!(spec.options().get("apps") instanceof List<?> names) || names.isEmpty()) {
            throw new LabException(at + ": option 'apps' must be a non-empty list of web app names");
        }
        List<HttpApp> apps = new ArrayList<>();
        for (Object n : names) {
            HttpApp app = HttpApps.find(String.valueOf(n));
            if (app == null) {
                throw new LabException(at + ": unknown web app '" + n + "' (known: "
                        + String.join(", ", HttpApps.all().keySet()) + ")");
            }
            apps.add(app);
        }
        Object nf = spec.options().get("not-found");
        CannedResponse notFound;
        if (nf == null) {
            notFound = CannedResponse.html(404, HttpPages.page(404, "Not Found"));
        } else if (nf instanceof Map<?, ?>) {
            try {
                notFound = CannedResponse.compile(at + " not-found", RouteSet.response(nf));
            } catch (RuntimeException e) {
                throw new LabException(at + ": option 'not-found': " + e.getMessage().lines().findFirst().orElse(""));
            }
        } else {
            throw new LabException(at + ": option 'not-found' must be a response object {status, type, headers, body}");
        }
        int idle;
        try {
            idle = Integer.parseInt(spec.option("idle-seconds", "30"));
        } catch (NumberFormatException e) {
            idle = 0;
        }
        if (idle < 1) {
            throw new LabException(at + ": option 'idle-seconds' must be a positive number of seconds");
        }
        String dialect = spec.option("dialect", "generic");
        if (!dialect.equals("generic") && !dialect.equals("miniupnpd")) {
            throw new LabException(at + ": option 'dialect' must be generic or miniupnpd, got '" + dialect + "'");
        }
        return new HttpPort(List.copyOf(apps), notFound, (String) server, idle, dialect.equals("miniupnpd"));
    }
}
