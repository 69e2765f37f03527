package dev.warden.advise.service;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.csaf.CsafReader;
import dev.warden.advise.ingest.CsafSchema;
import dev.warden.advise.ingest.CsafValidator;
import dev.warden.advise.ingest.Document;
import dev.warden.advise.ingest.DocumentReader;
import dev.warden.advise.ingest.DocumentSink;
import dev.warden.advise.ingest.IngestException;
import dev.warden.advise.ingest.IngestLimits;
import dev.warden.advise.ingest.Source;
import dev.warden.advise.kev.KevCatalog;
import dev.warden.advise.match.AdvisoryMatcher;
import dev.warden.advise.match.DeviceIndex;
import dev.warden.advise.ReviewItem;
import dev.warden.advise.store.AdvisoryRow;
import dev.warden.advise.store.AdvisoryStore;
import dev.warden.advise.store.MatchChanges;
import dev.warden.advise.store.MatchRow;
import dev.warden.advise.store.NewRevision;
import dev.warden.advise.store.ReviewRow;
import dev.warden.advise.store.SaveOutcome;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.KnownDevice;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.Device;
import dev.warden.model.KnownExploited;
import dev.warden.store.Store;
import dev.warden.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advisories in, matches out: imports CSAF documents (validated, every revision kept, one transaction per document),
 * imports the CISA KEV catalog, re-matches the inventory against the advisories in force whenever either changes, and
 * answers which devices an advisory or CVE affects. {@link MatchListener}s hear every change after it is committed.
 */
public final class AdvisoryService {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryService.class);
    private static final Pattern CVE = Pattern.compile("(?i)CVE-\\d{4}-\\d{4,}");

    private final Store store;
    private final IngestLimits limits;
    private final CsafValidator validator;
    private final List<MatchListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param schema the CSAF schema to validate imports against, or null to run only the mandatory tests (every
     *               import then carries a warning saying so)
     */
    public AdvisoryService(Store store, IngestLimits limits, CsafSchema schema) {
        this.store = store;
        this.limits = limits;
        this.validator = new CsafValidator(limits, schema);
    }

    /** A service for matching and reading; imports through it run the mandatory tests only. */
    public AdvisoryService(Store store) {
        this(store, IngestLimits.load(), null);
    }

    public void addListener(MatchListener listener) {
        listeners.add(listener);
    }

    /**
     * Imports every document of the sources. Each accepted document is stored and matched against the present
     * inventory in one transaction; a rejected one changes nothing.
     *
     * @param allowedUrls which URLs providers may be fetched from (redirects and listed documents included)
     */
    public ImportResult importFrom(List<Source> sources, Predicate<URI> allowedUrls) {
        Run run = new Run();
        if (!validator.hasSchema()) {
            run.warnings.add("no CSAF schema configured (--schema or $" + CsafSchema.ENV
                    + "): documents were checked by the mandatory product-id tests only, NOT validated against the schema");
        }
        try (DocumentReader reader = new DocumentReader(limits, allowedUrls)) {
            for (Source s : sources) {
                reader.read(s, run);
            }
        }
        return new ImportResult(run.imported, run.rejected, run.warnings, run.added, run.removed, run.review);
    }

    /**
     * Imports the CISA KEV catalog from a file path or an http(s) URL; its entries are joined to advisories by CVE.
     *
     * @return the number of entries stored
     * @throws IngestException when it cannot be read or is not a KEV catalog
     */
    public int importKev(String fileOrUrl, Predicate<URI> allowedUrls) throws IngestException {
        Document d;
        try (DocumentReader reader = new DocumentReader(limits, allowedUrls)) {
            d = reader.fetch(fileOrUrl);
        }
        Map<String, KnownExploited> kev;
        try {
            kev = KevCatalog.read(d.bytes());
        } catch (AdvisoryException e) {
            throw new IngestException(fileOrUrl + ": " + e.getMessage(), e);
        }
        long now = System.currentTimeMillis();
        store.transaction(c -> {
            AdvisoryStore.saveKev(c, kev.values(), now);
            return null;
        });
        return kev.size();
    }

    /**
     * Re-matches the present inventory against every advisory in force; call it after the inventory changed. Does
     * nothing when no advisory is stored.
     *
     * @return what changed per advisory id (only advisories whose matches changed)
     */
    public Map<String, MatchChanges> rematch() {
        Map<String, String> docs = store.transaction(AdvisoryStore::currentDocuments);
        if (docs.isEmpty()) {
            return Map.of();
        }
        Map<String, KnownExploited> kev = store.transaction(AdvisoryStore::kev);
        List<Advisory> advisories = new ArrayList<>();
        for (Map.Entry<String, String> e : docs.entrySet()) {
            try {
                advisories.add(KevCatalog.join(CsafReader.read(e.getValue().getBytes(StandardCharsets.UTF_8), e.getKey()), kev));
            } catch (AdvisoryException ex) {
                LOG.warn("stored advisory {} can no longer be read, its matches are kept: {}", e.getKey(), ex.getMessage());
            }
        }
        List<Device> devices = presentDevices();
        AdvisoryMatcher matcher = new AdvisoryMatcher(advisories);
        Map<String, List<AdvisoryMatch>> byAdvisory = new LinkedHashMap<>();
        advisories.forEach(a -> byAdvisory.put(a.id(), new ArrayList<>()));
        for (Device d : devices) {
            for (AdvisoryMatch m : matcher.match(d)) {
                byAdvisory.get(m.advisoryId()).add(m);
            }
        }
        Map<String, List<ReviewRow>> review = reviewByAdvisory(matcher.reviewItems());
        Map<String, MatchChanges> changed = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (Advisory a : advisories) {
            MatchChanges ch = store.transaction(c -> {
                MatchChanges mc = AdvisoryStore.replaceMatches(c, a.id(), byAdvisory.get(a.id()), now);
                AdvisoryStore.replaceReview(c, a.id(), review.getOrDefault(a.id(), List.of()), now);
                return mc;
            });
            if (!ch.added().isEmpty() || !ch.removed().isEmpty()) {
                changed.put(a.id(), ch);
                tell(ch, a);
            }
        }
        return changed;
    }

    /** The advisories in force, newest release first. */
    public List<AdvisoryRow> list() {
        return store.transaction(c -> AdvisoryStore.advisories(c, null));
    }

    /**
     * Everything held about one advisory.
     *
     * @throws IllegalArgumentException when no advisory has that id
     */
    public AdvisoryDetail show(String advisoryId) {
        return store.transaction(c -> {
            List<AdvisoryRow> rows = AdvisoryStore.advisories(c, advisoryId);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no advisory '" + advisoryId + "' (see warden advisories list)");
            }
            Advisory a;
            try {
                a = KevCatalog.join(CsafReader.read(AdvisoryStore.currentDocument(c, advisoryId)
                        .getBytes(StandardCharsets.UTF_8), advisoryId), AdvisoryStore.kev(c));
            } catch (AdvisoryException e) {
                throw new IllegalStateException("stored advisory " + advisoryId + " cannot be read: " + e.getMessage(), e);
            }
            return new AdvisoryDetail(rows.get(0), a, AdvisoryStore.revisions(c, advisoryId),
                    AdvisoryStore.matches(c, "advisory_id = ?", advisoryId),
                    AdvisoryStore.review(c, "advisory_id = ?", advisoryId));
        });
    }

    /**
     * The devices an advisory (by tracking id) or a CVE affects now: the active matches, by advisory and device.
     *
     * @throws IllegalArgumentException when neither an advisory nor a vulnerability with that name is known
     */
    public List<MatchRow> affected(String advisoryOrCve) {
        if (CVE.matcher(advisoryOrCve).matches()) {
            String cve = advisoryOrCve.toUpperCase(Locale.ROOT);
            return store.transaction(c -> {
                if (AdvisoryStore.advisories(c, null).stream().noneMatch(a -> a.cves().contains(cve))) {
                    throw new IllegalArgumentException("no advisory names " + cve);
                }
                return AdvisoryStore.matches(c, "cve = ? AND state = 'active'", cve);
            });
        }
        return store.transaction(c -> {
            if (AdvisoryStore.advisories(c, advisoryOrCve).isEmpty()) {
                throw new IllegalArgumentException("no advisory '" + advisoryOrCve + "' (see warden advisories list)");
            }
            return AdvisoryStore.matches(c, "advisory_id = ? AND state = 'active'", advisoryOrCve);
        });
    }

    /** The open review items of every advisory. */
    public List<ReviewRow> review() {
        return store.transaction(c -> AdvisoryStore.review(c, "status = 'open'"));
    }

    private List<Device> presentDevices() {
        return new Inventory(store).devices().stream().filter(KnownDevice::present).map(KnownDevice::device).toList();
    }

    private static Map<String, List<ReviewRow>> reviewByAdvisory(List<ReviewItem> items) {
        Map<String, List<ReviewRow>> out = new LinkedHashMap<>();
        for (ReviewItem r : items) {
            out.computeIfAbsent(r.advisoryId(), k -> new ArrayList<>())
                    .add(new ReviewRow(r.advisoryId(), r.productId(), r.reason(), r.text(), true));
        }
        return out;
    }

    private void tell(MatchChanges ch, Advisory a) {
        for (MatchListener l : listeners) {
            l.onMatches(ch.added(), ch.removed(), a);
        }
    }

    /** One import: receives the documents and records what became of each. */
    private final class Run implements DocumentSink {
        final List<ImportResult.Imported> imported = new ArrayList<>();
        final List<ImportResult.Rejection> rejected = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int added;
        int removed;
        int review;
        /** The present inventory indexed once per import, so each advisory looks up its devices only. */
        private DeviceIndex devices;
        private Map<String, KnownExploited> kev;

        @Override
        public void document(Document d) {
            Advisory advisory;
            try {
                validator.validate(d);
                advisory = CsafReader.read(d.bytes(), d.location());
            } catch (IngestException | AdvisoryException e) {
                rejected(d.location(), e.getMessage());
                return;
            }
            if (devices == null) {
                devices = new AdvisoryMatcher(List.of()).index(presentDevices());
                kev = store.transaction(AdvisoryStore::kev);
            }
            Advisory joined = KevCatalog.join(advisory, kev);
            NewRevision revision = new NewRevision(joined, d.digest("SHA-256"), d.location(),
                    new String(d.bytes(), StandardCharsets.UTF_8));
            long now = System.currentTimeMillis();
            Stored stored;
            try {
                stored = store.transaction(c -> {
                    SaveOutcome outcome = AdvisoryStore.save(c, revision, now);
                    if (outcome != SaveOutcome.NEW && outcome != SaveOutcome.UPDATED) {
                        return new Stored(outcome, new MatchChanges(List.of(), List.of()), 0);
                    }
                    AdvisoryMatcher matcher = new AdvisoryMatcher(List.of(joined));
                    MatchChanges ch = AdvisoryStore.replaceMatches(c, joined.id(), matcher.affected(joined, devices), now);
                    List<ReviewRow> items = reviewByAdvisory(matcher.reviewItems()).getOrDefault(joined.id(), List.of());
                    AdvisoryStore.replaceReview(c, joined.id(), items, now);
                    return new Stored(outcome, ch, items.size());
                });
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("{}: cannot be matched", d.location(), e);
                rejected(d.location(), "cannot be matched: " + e);
                return;
            }
            imported.add(new ImportResult.Imported(joined.id(), joined.revision(), d.location(), stored.outcome(),
                    stored.changes().added().size(), stored.changes().removed().size()));
            added += stored.changes().added().size();
            removed += stored.changes().removed().size();
            review += stored.review();
            if (!stored.changes().added().isEmpty() || !stored.changes().removed().isEmpty()) {
                tell(stored.changes(), joined);
            }
        }

        @Override
        public void rejected(String location, String reason) {
            String r = reason.startsWith(location) ? reason.substring(location.length()).replaceFirst("^:\\s*", "") : reason;
            rejected.add(new ImportResult.Rejection(location, r));
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    private record Stored(SaveOutcome outcome, MatchChanges changes, int review) {
    }
}
