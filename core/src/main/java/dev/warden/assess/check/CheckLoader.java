package dev.warden.assess.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads check files ({@code checks/**}{@code /*.yaml}) and credential lists ({@code credentials/*.yaml}) from a
 * content tree, the one on the class path ({@code content/}) or a directory, and validates them: a bad file fails
 * the whole load with a {@link CheckFormatException} naming the file and the field.
 */
public final class CheckLoader {
    /** Where core's build puts the repository's {@code content/} folder on the class path. */
    public static final String CLASSPATH_ROOT = "content";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private CheckLoader() {
    }

    /** The checks shipped with Warden (class path {@code content/}). */
    public static CheckCatalog load() {
        URL url = CheckLoader.class.getClassLoader().getResource(CLASSPATH_ROOT + "/checks");
        if (url == null) {
            throw new CheckFormatException("class path: no " + CLASSPATH_ROOT + "/checks folder");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return load(fs.getPath("/" + CLASSPATH_ROOT));
            }
            return load(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checks and credential lists of a content tree ({@code <root>/checks}, {@code <root>/credentials}). */
    public static CheckCatalog load(Path root) {
        Map<String, byte[]> checkFiles = read(root, "checks");
        Map<String, byte[]> credentialFiles = read(root, "credentials");
        Map<String, CredentialList> lists = new HashMap<>();
        credentialFiles.forEach((name, bytes) -> {
            CredentialList l = parseCredentialList(name, bytes);
            lists.put(l.name(), l);
        });
        List<Check> checks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        checkFiles.forEach((name, bytes) -> {
            Check c = parse(name, bytes);
            String before = seen.putIfAbsent(c.id(), name);
            if (before != null) {
                throw new CheckFormatException(name + ": id: '" + c.id() + "' is also the id of " + before);
            }
            if (c.credentialList() != null && !lists.containsKey(c.credentialList())) {
                throw new CheckFormatException(name + ": credential-list: no credentials/" + c.credentialList() + ".yaml");
            }
            checks.add(c);
        });
        return new CheckCatalog(checks, lists);
    }

    /** One check file; {@code file} is its path relative to the content root, used for the id rule and messages. */
    public static Check parse(String file, byte[] yaml) {
        return Check.read(file, Fields.of(file, "", tree(file, yaml)));
    }

    /** One credential list file. */
    public static CredentialList parseCredentialList(String file, byte[] yaml) {
        return CredentialList.read(file, Fields.of(file, "", tree(file, yaml)));
    }

    private static JsonNode tree(String file, byte[] yaml) {
        try {
            JsonNode n = YAML.readTree(yaml);
            if (n == null || n.isMissingNode() || n.isNull()) {
                throw new CheckFormatException(file + ": empty file");
            }
            return n;
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String line = loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "";
            String what = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            throw new CheckFormatException(file + line + ": not valid YAML: " + what.lines().findFirst().orElse(what));
        }
    }

    /** Every {@code .yaml} under {@code root/folder}, keyed by its path relative to root, in a stable order. */
    private static Map<String, byte[]> read(Path root, String folder) {
        Map<String, byte[]> out = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(x -> x.toString().endsWith(".yaml")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
