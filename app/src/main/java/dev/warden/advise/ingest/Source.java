package dev.warden.advise.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where advisories come from: one CSAF file, a directory searched recursively for {@code *.json}, or a CSAF provider
 * named by the URL of its {@code provider-metadata.json}.
 */
public sealed interface Source {
    /** How the source is shown in messages. */
    String describe();

    /** One CSAF document on disk. */
    record File(Path path) implements Source {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** Every {@code *.json} file under a directory. */
    record Directory(Path path) implements Source {
        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A CSAF provider: its {@code provider-metadata.json} URL. */
    record Provider(URI metadata) implements Source {
        @Override
        public String describe() {
            return metadata.toString();
        }
    }

    /**
     * An http(s) URL is a provider, an existing directory a directory, anything else a file.
     *
     * @throws IllegalArgumentException for a malformed URL or a path that does not exist
     */
    static Source parse(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                return new Provider(new URI(arg));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + arg + "' is not a valid URL: " + e.getReason());
            }
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            return new Directory(p);
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(arg + ": no such file or directory");
        }
        return new File(p);
    }
}
