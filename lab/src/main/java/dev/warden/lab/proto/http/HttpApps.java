package dev.warden.lab.proto.http;

import dev.warden.lab.LabException;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.lab.profile.Weakness;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;

/**
 * Every web application the lab's HTTP servers can serve, by name: coded {@link HttpApp}s from the service loader and
 * the route sets in {@code lab/http/*.yaml} on the class path, each loaded and compiled once, on first use.
 */
public final class HttpApps {
    private static volatile Map<String, HttpApp> apps;

    private HttpApps() {
    }

    /** The app with this name, or null. */
    public static HttpApp find(String name) {
        return all().get(name);
    }

    /**
     * All apps by name.
     *
     * @throws LabException when a route set does not compile or two apps share a name
     */
    public static Map<String, HttpApp> all() {
        Map<String, HttpApp> a = apps;
        if (a == null) {
            synchronized (HttpApps.class) {
                a = apps;
                if (a == null) {
                    a = load();
                    apps = a;
                }
            }
        }
        return a;
    }

    private static Map<String, HttpApp> load() {
        Map<String, HttpApp> out = new TreeMap<>();
        for (HttpApp app : ServiceLoader.load(HttpApp.class, HttpApps.class.getClassLoader())) {
            add(out, app, app.getClass().getName());
        }
        Set<String> weaknesses = weaknessIds();
        for (Map.Entry<String, byte[]> f : ProfileCatalog.classpathFiles("lab/http/").entrySet()) {
            add(out, RouteSet.compile(f.getKey(), f.getValue(), weaknesses), f.getKey());
        }
        return Map.copyOf(out);
    }

    private static void add(Map<String, HttpApp> out, HttpApp app, String source) {
        if (out.putIfAbsent(app.name(), app) != null) {
            throw new LabException(source + ": a web app named '" + app.name() + "' already exists");
        }
    }

    private static Set<String> weaknessIds() {
        Set<String> ids = new HashSet<>();
        try (InputStream in = HttpApps.class.getClassLoader().getResourceAsStream("lab/weaknesses.yaml")) {
            if (in == null) {
                throw new LabException("missing class-path resource lab/weaknesses.yaml");
            }
            for (Weakness w : ProfileCatalog.YAML.readValue(in, Weakness[].class)) {
                ids.add(w.id());
            }
        } catch (IOException | JacksonException e) {
            throw new LabException("lab/weaknesses.yaml: " + e.getMessage());
        }
        return Set.copyOf(ids);
    }
}
