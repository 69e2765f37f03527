package dev.warden.advise.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Warden's own CSAF advisories, shipped on the class path as {@code content/advisories/*.json} (inside the jar, or a
 * folder when run from the build): a {@link Source.Directory} over them, so they import exactly like any other
 * directory of advisories (validated, revisions kept, matched).
 */
public final class ShippedAdvisories {
    /** Where the build puts them on the class path. */
    public static final String RESOURCE = "content/advisories";

    private ShippedAdvisories() {
    }

    /** The shipped advisories as a directory source. */
    public static Source source() {
        URL url = ShippedAdvisories.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("class path: no " + RESOURCE + " folder");
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return new Source.Directory(Path.of(uri));
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException raced) {
                    fs = FileSystems.getFileSystem(uri);
                }
            }
            return new Source.Directory(fs.getPath("/" + RESOURCE));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
