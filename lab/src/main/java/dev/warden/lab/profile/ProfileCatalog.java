package dev.warden.lab.profile;

import dev.warden.data.DataFileErrors;
import dev.warden.lab.LabException;
import dev.warden.lab.net.ProtocolServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The device profiles, the weakness catalogue and the protocol servers, loaded and cross-checked once.
 * Profiles come from {@code lab/profiles/*.yaml} on the class path and from any extra directories given.
 */
public final class ProfileCatalog {
    /** Kebab-case YAML, unknown fields rejected so a typo is an error, not a silent default. */
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS) // kind: camera
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** The same conventions for JSON. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, Profile> profiles;
    private final Map<String, Weakness> weaknesses;
    private final Map<String, ProtocolServer> protocols;

    private ProfileCatalog(Map<String, Profile> profiles, Map<String, Weakness> weaknesses,
                           Map<String, ProtocolServer> protocols) {
        this.profiles = profiles;
        this.weaknesses = weaknesses;
        this.protocols = protocols;
    }

    /** The built-in profiles. */
    public static ProfileCatalog load() {
        return load(List.of());
    }

    /** The built-in profiles plus those in the given directories (a file there overrides a built-in of the same id). */
    public static ProfileCatalog load(List<Path> extraDirs) {
        Map<String, ProtocolServer> protocols = new TreeMap<>();
        for (ProtocolServer p : ServiceLoader.load(ProtocolServer.class, ProfileCatalog.class.getClassLoader())) {
            protocols.put(p.name(), p);
        }
        Map<String, Weakness> weaknesses = new TreeMap<>();
        try (InputStream in = resource("lab/weaknesses.yaml")) {
            for (Weakness w : YAML.readValue(in, Weakness[].class)) {
                weaknesses.put(w.id(), w);
            }
        } catch (IOException e) {
            throw new LabException("lab/weaknesses.yaml: " + e.getMessage());
        } catch (JacksonException e) {
            throw new LabException(DataFileErrors.describe("lab/weaknesses.yaml", e));
        }
        Map<String, Profile> profiles = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : classpathFiles("lab/profiles/").entrySet()) {
            Profile p = parse(e.getKey(), e.getValue());
            profiles.put(p.id(), p);
        }
        for (Path dir : extraDirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    Profile p = parse(f.toString(), Files.readAllBytes(f));
                    profiles.put(p.id(), p);
                }
            } catch (IOException e) {
                throw new LabException("cannot read profile directory " + dir + ": " + e.getMessage());
            }
        }
        ProfileCatalog c = new ProfileCatalog(profiles, weaknesses, protocols);
        for (Profile p : profiles.values()) {
            c.check(p);
        }
        return c;
    }

    public Profile profile(String id) {
        Profile p = profiles.get(id);
        if (p == null) {
            throw new LabException("unknown profile '" + id + "' (known: " + String.join(", ", profiles.keySet()) + ")");
        }
        return p;
    }

    public Collection<Profile> profiles() {
        return profiles.values();
    }

    public Map<String, Weakness> weaknesses() {
        return weaknesses;
    }

    public ProtocolServer protocol(String name) {
        return protocols.get(name);
    }

    private static Profile parse(String source, byte[] yaml) {
        Profile p;
        try {
            p = YAML.readValue(yaml, Profile.class);
        } catch (JacksonException e) {
            throw new LabException(DataFileErrors.describe(source, e));
        }
        String file = source.substring(source.lastIndexOf('/') + 1).replace(".yaml", "");
        if (p.id() == null || !p.id().equals(file)) {
            throw new LabException(source + ": id '" + p.id() + "' must equal the file name '" + file + "'");
        }
        return p;
    }

    private void check(Profile p) {
        String at = "profile " + p.id() + ": ";
        if (p.vendor() == null || p.model() == null || p.kind() == null) {
            throw new LabException(at + "vendor, model and kind are required");
        }
        if (p.firmware().isEmpty()) {
            throw new LabException(at + "needs at least one firmware");
        }
        if (p.macPrefix() == null || !p.macPrefix().matches("[0-9A-F]{2}(:[0-9A-F]{2}){2}")) {
            throw new LabException(at + "mac-prefix must look like AA:BB:CC, got " + p.macPrefix());
        }
        java.util.Set<String> labels = new HashSet<>();
        for (FirmwareVariant f : p.firmware()) {
            if (f.version() == null || f.version().isBlank()) {
                throw new LabException(at + "every firmware needs a version");
            }
            if (!labels.add(f.label())) {
                throw new LabException(at + "firmware '" + f.label() + "' is declared twice (give one a label)");
            }
            for (String w : f.weaknesses()) {
                requireWeakness(at + "firmware " + f.label(), w);
            }
        }
        for (AccountSpec a : p.accounts()) {
            if (a.weakness() != null) {
                requireWeakness(at + "account " + a.user(), a.weakness());
            }
            if (a.hidden() && a.weakness() == null) {
                throw new LabException(at + "hidden account " + a.user() + " needs the weakness that reveals it");
            }
        }
        Set<String> ports = new HashSet<>();
        for (ServiceSpec s : p.services()) {
            ProtocolServer server = protocols.get(s.protocol());
            if (server == null) {
                throw new LabException(at + "service on port " + s.port() + ": unknown protocol '" + s.protocol()
                        + "' (known: " + String.join(", ", protocols.keySet()) + ")");
            }
            if (s.port() < 1 || s.port() > 65535) {
                throw new LabException(at + "port out of range: " + s.port());
            }
            if (!ports.add(s.port() + "/" + server.transport())) {
                throw new LabException(at + "port " + s.port() + "/" + server.transport().wireName() + " is declared twice");
            }
            if (s.when() != null) {
                requireWeakness(at + "service on port " + s.port(), s.when());
            }
            server.validate(p.id(), s);
        }
    }

    private void requireWeakness(String where, String id) {
        if (!weaknesses.containsKey(id)) {
            throw new LabException(where + ": unknown weakness '" + id + "' (add it to lab/weaknesses.yaml)");
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ProfileCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing class-path resource " + name);
        }
        return in;
    }

    /** Every {@code *.yaml} under a class-path folder, from a directory or a jar. */
    public static Map<String, byte[]> classpathFiles(String folder) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            Enumeration<URL> roots = ProfileCatalog.class.getClassLoader().getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                            out.put(folder + f.getFileName(), Files.readAllBytes(f));
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) root.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        List<JarEntry> entries = new ArrayList<>();
                        jar.stream().filter(e -> e.getName().startsWith(folder) && e.getName().endsWith(".yaml")
                                && e.getName().indexOf('/', folder.length()) < 0).forEach(entries::add);
                        for (JarEntry e : entries) {
                            try (InputStream in = jar.getInputStream(e)) {
                                out.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
