package dev.warden.advise.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a CSAF provider (CSAF 2.0 §7): its {@code provider-metadata.json}, then each distribution's ROLIE feeds (the
 * preferred way, §7.3.2) or, when it has none, its directory's {@code index.txt}; fetches every listed document and,
 * when the feed lists a {@code .sha256}/{@code .sha512} hash link, checks the document against it.
 */
final class ProviderCrawler {
    private final HttpFetcher http;
    private final BoundedJson json;
    private final IngestLimits limits;

    ProviderCrawler(HttpFetcher http, IngestLimits limits) {
        this.http = http;
        this.json = new BoundedJson(limits);
        this.limits = limits;
    }

    /** A document the provider lists, with the hash link the feed gives for it (or null). */
    private record Listed(URI document, URI hash) {
    }

    void crawl(URI metadataUrl, DocumentSink sink) {
        List<Listed> listed;
        try {
            listed = list(metadataUrl, sink);
        } catch (IngestException e) {
            sink.rejected(metadataUrl.toString(), e.getMessage());
            return;
        }
        if (listed.size() > limits.maxDocuments()) {
            sink.warning(metadataUrl + " lists " + listed.size() + " documents; reading the first " + limits.maxDocuments());
            listed = listed.subList(0, limits.maxDocuments());
        }
        for (Listed l : listed) {
            try {
                Document d = new Document(l.document().toString(), http.get(l.document()));
                if (l.hash() != null) {
                    checkHash(l, d);
                }
                sink.document(d);
            } catch (IngestException e) {
                sink.rejected(l.document().toString(), e.getMessage());
            }
        }
    }

    private List<Listed> list(URI metadataUrl, DocumentSink sink) throws IngestException {
        JsonNode meta = json.parse(http.get(metadataUrl), metadataUrl.toString());
        JsonNode distributions = meta.path("distributions");
        if (!distributions.isArray() || distributions.isEmpty()) {
            throw new IngestException(metadataUrl + ": provider metadata without distributions");
        }
        Map<URI, Listed> rolie = new LinkedHashMap<>();
        List<URI> directories = new ArrayList<>();
        for (JsonNode d : distributions) {
            for (JsonNode feed : d.path("rolie").path("feeds")) {
                URI feedUrl = resolve(metadataUrl, feed.path("url").asString(""));
                try {
                    feedEntries(feedUrl, rolie);
                } catch (IngestException e) {
                    sink.rejected(feedUrl.toString(), e.getMessage());
                }
            }
            if (d.path("directory_url").isString()) {
                directories.add(resolve(metadataUrl, d.path("directory_url").asString()));
            }
        }
        if (!rolie.isEmpty()) {
            return new ArrayList<>(rolie.values());
        }
        Map<URI, Listed> listed = new LinkedHashMap<>();
        for (URI dir : directories) {
            URI base = dir.toString().endsWith("/") ? dir : URI.create(dir + "/");
            URI index = base.resolve("index.txt");
            String text = json.text(http.get(index), index.toString());
            for (String line : text.split("\n")) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#")) {
                    URI doc = resolve(index, path);
                    listed.putIfAbsent(doc, new Listed(doc, null));
                }
            }
        }
        return new ArrayList<>(listed.values());
    }

    private void feedEntries(URI feedUrl, Map<URI, Listed> out) throws IngestException {
        JsonNode feed = json.parse(http.get(feedUrl), feedUrl.toString()).path("feed");
        for (JsonNode entry : feed.path("entry")) {
            URI doc = null;
            URI hash = null;
            for (JsonNode link : entry.path("link")) {
                String rel = link.path("rel").asString("");
                String href = link.path("href").asString("");
                if (rel.equals("self")) {
                    doc = resolve(feedUrl, href);
                } else if (rel.equals("hash") && (href.endsWith(".sha256") || href.endsWith(".sha512"))
                        && (hash == null || href.endsWith(".sha512"))) {
                    hash = resolve(feedUrl, href);
                }
            }
            if (doc == null && entry.path("content").path("src").isString()) {
                doc = resolve(feedUrl, entry.path("content").path("src").asString());
            }
            if (doc == null) {
                throw new IngestException(feedUrl + ": entry '" + entry.path("id").asString("?") + "' has no document link");
            }
            out.putIfAbsent(doc, new Listed(doc, hash));
        }
    }

    private void checkHash(Listed l, Document d) throws IngestException {
        String algorithm = l.hash().getPath().endsWith(".sha512") ? "SHA-512" : "SHA-256";
        String text = new String(http.get(l.hash()), StandardCharsets.US_ASCII).strip();
        String expected = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String actual = d.digest(algorithm);
        if (!actual.equals(expected)) {
            throw new IngestException(l.document() + ": " + algorithm + " " + actual + " differs from the provider's "
                    + l.hash());
        }
    }

    private static URI resolve(URI base, String href) throws IngestException {
        if (href.isBlank()) {
            throw new IngestException(base + ": empty link");
        }
        try {
            return base.resolve(href.strip());
        } catch (IllegalArgumentException e) {
            throw new IngestException(base + ": bad link '" + href + "'");
        }
    }
}
