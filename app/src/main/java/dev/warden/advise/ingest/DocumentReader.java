package dev.warden.advise.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the raw documents of a {@link Source}: a file, every {@code *.json} under a directory (sorted, symbolic links
 * not followed), or everything a provider lists. Every read is bounded by the {@link IngestLimits}; a document that
 * cannot be read is reported to the sink and the others carry on.
 */
public final class DocumentReader implements AutoCloseable {
    private static final int MAX_DEPTH = 16;

    private final IngestLimits limits;
    private final HttpFetcher http;

    /** @param allowedUrls which URLs providers may be fetched from (redirects and listed documents included) */
    public DocumentReader(IngestLimits limits, Predicate<URI> allowedUrls) {
        this.limits = limits;
        this.http = new HttpFetcher(limits, allowedUrls);
    }

    public void read(Source source, DocumentSink sink) {
        switch (source) {
            case Source.File f -> file(f.path(), sink);
            case Source.Directory d -> directory(d.path(), sink);
            case Source.Provider p -> new ProviderCrawler(http, limits).crawl(p.metadata(), sink);
        }
    }

    private void directory(Path dir, DocumentSink sink) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().limit(limits.maxDocuments() + 1L).toList();
        } catch (IOException | UncheckedIOException e) {
            sink.rejected(dir.toString(), "cannot list: " + e.getMessage());
            return;
        }
        if (files.size() > limits.maxDocuments()) {
            sink.warning(dir + " holds more than " + limits.maxDocuments() + " documents; reading the first "
                    + limits.maxDocuments());
            files = files.subList(0, limits.maxDocuments());
        }
        files.forEach(f -> file(f, sink));
    }

    private void file(Path path, DocumentSink sink) {
        try {
            sink.document(new Document(path.toString(), readFile(path)));
        } catch (IngestException e) {
            sink.rejected(path.toString(), e.getMessage());
        }
    }

    /** One document from a file path or an http(s) URL (a KEV catalog, say), within the same limits. */
    public Document fetch(String fileOrUrl) throws IngestException {
        if (fileOrUrl.matches("(?i)https?://.*")) {
            try {
                return new Document(fileOrUrl, http.get(URI.create(fileOrUrl)));
            } catch (IllegalArgumentException e) {
                throw new IngestException("'" + fileOrUrl + "' is not a valid URL");
            }
        }
        return new Document(fileOrUrl, readFile(Path.of(fileOrUrl)));
    }

    private byte[] readFile(Path path) throws IngestException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(limits.maxDocumentBytes() + 1);
            if (bytes.length > limits.maxDocumentBytes()) {
                throw new IngestException(path + ": larger than " + limits.maxDocumentBytes() + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new IngestException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
