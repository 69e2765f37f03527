package dev.warden.fingerprint;

import dev.warden.evidence.HostEvidence;
import dev.warden.evidence.Observation;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.model.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Applies the fingerprint files to a host's evidence. Every family's matching rules and every manufacturer claim
 * naming it (ONVIF, UPnP, WS-Discovery name scope, through the file's aliases) add to its score as independent
 * evidence ({@code 1 - (1-a)(1-b)...}); an OEM brand's evidence counts together with its platform's. The best
 * family at or above {@link #MIN_SCORE} names the vendor. Other families at that level lower the confidence, and a
 * tie leaves the vendor open: a wrong vendor is worse than none. When no family settles the kind (none names a
 * vendor, or tied families disagree), the device's own self-description decides it through the vendor-neutral kind
 * rules of {@code _common.yaml} (a UPnP InternetGatewayDevice is a router, an ONVIF NetworkVideoTransmitter a
 * camera): checks select devices by kind, and an unknown kind would hide real exposure. The vendor stays null.
 * Thread-safe and immutable once loaded.
 */
public final class FingerprintEngine {
    /** Class-path folder of the bundled files. */
    public static final String RESOURCE_DIR = "content/fingerprints";
    /** A family needs this much combined evidence to name a vendor. */
    public static final double MIN_SCORE = 0.5;
    /** Two families closer than this are a tie. */
    public static final double TIE_MARGIN = 0.05;
    /** Confidence kept when a model, hardware or firmware source disagrees with the one used. */
    private static final double DISAGREEMENT_FACTOR = 0.9;
    /** Observations listed for a host no family matched. */
    private static final int MAX_LISTED = 20;

    private final List<Family> families;
    private final List<Extractor> claims;
    private final Family.Extractors common;
    private final List<Family.Rule> kindRules;

    private FingerprintEngine(FingerprintLoader.Catalog catalog) {
        this.families = catalog.families();
        this.claims = catalog.manufacturerClaims();
        this.common = catalog.common();
        this.kindRules = catalog.kindRules();
    }

    /** The files bundled on the class path under {@code content/fingerprints/}. */
    public static FingerprintEngine load() {
        URL url = FingerprintEngine.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            throw new FingerprintException("class-path folder " + RESOURCE_DIR + " is missing");
        }
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) {
                return new FingerprintEngine(FingerprintLoader.compile(read(Path.of(uri)), RESOURCE_DIR));
            }
            try (FileSystem jar = openJar(uri)) {
                return new FingerprintEngine(FingerprintLoader.compile(read(jar.getPath(RESOURCE_DIR)), RESOURCE_DIR));
            }
        } catch (URISyntaxException | IOException e) {
            throw new FingerprintException("cannot read class-path folder " + RESOURCE_DIR + ": " + e.getMessage(), e);
        }
    }

    /** The {@code *.yaml} files of a folder (for authors trying new files, and tests). */
    public static FingerprintEngine load(Path dir) {
        try {
            return new FingerprintEngine(FingerprintLoader.compile(read(dir), dir.toString()));
        } catch (IOException e) {
            throw new FingerprintException("cannot read fingerprint folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Ids of the loaded families, in file-name order. */
    public List<String> families() {
        return families.stream().map(Family::id).toList();
    }

    /** Identifies one host. Never throws on odd evidence: what it cannot place stays null. */
    public Identification identify(HostEvidence e) {
        Objects.requireNonNull(e, "evidence");
        Map<String, List<Contribution>> byFamily = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (Family f : families) {
            for (Family.Rule r : f.rules()) {
                List<String> why = new ArrayList<>();
                if (r.when().test(e, why)) {
                    byFamily.computeIfAbsent(f.id(), k -> new ArrayList<>())
                            .add(new Contribution(r.score(), r.kind(), f.id() + "/" + r.id() + ": " + String.join(", ", why)));
                }
            }
        }
        for (Extractor claim : claims) {
            claim.extract(e).ifPresent(found -> {
                List<Family> named = families.stream().filter(f -> f.namedBy(found.value())).toList();
                if (named.isEmpty()) {
                    unplaced.add(found.source() + " names no known family");
                }
                for (Family f : named) {
                    byFamily.computeIfAbsent(f.id(), k -> new ArrayList<>())
                            .add(new Contribution(claim.score(), null, found.source() + " names " + f.vendor()));
                }
            });
        }
        List<Candidate> ranked = candidates(byFamily);
        List<Candidate> strong = ranked.stream().filter(c -> c.score() >= MIN_SCORE).toList();
        if (strong.isEmpty()) {
            return unknown(e, ranked, unplaced, selfDescribed(e));
        }
        Candidate best = strong.get(0);
        List<String> reasons = new ArrayList<>();
        best.contributions().forEach(c -> reasons.add(c.reason()));
        reasons.addAll(unplaced);
        double confidence = best.score();
        if (strong.size() > 1) {
            Candidate second = strong.get(1);
            if (best.score() - second.score() < TIE_MARGIN) {
                return tie(best, second, reasons, selfDescribed(e));
            }
            confidence *= 1 - second.score() / 2;
            reasons.add("also matched " + second.brand().vendor() + " (score " + round(second.score()) + ": "
                    + second.contributions().get(0).reason() + "): confidence lowered");
        }
        Fields fields = new Fields(reasons);
        List<Family.Extractors> sources = best.brand().oemOf() == null ? List.of(common, best.brand().extractors())
                : List.of(common, best.brand().extractors(), family(best.brand().oemOf()).extractors());
        String model = fields.pick("model", e, sources.stream().map(Family.Extractors::model).toList());
        String hardware = fields.pick("hardware", e, sources.stream().map(Family.Extractors::hardware).toList());
        String firmware = fields.pick("firmware", e, sources.stream().map(Family.Extractors::firmware).toList());
        confidence *= Math.pow(DISAGREEMENT_FACTOR, fields.disagreements);
        DeviceKind kind = best.kind();
        if (kind == DeviceKind.UNKNOWN) {
            SelfKind self = selfDescribed(e);
            reasons.addAll(self.reasons(best.brand().vendor() + "'s fingerprint gives no kind"));
            kind = self.kind();
        }
        return new Identification(kind, best.brand().vendor(), best.brand().platform(), model, hardware,
                firmware, round(confidence), reasons);
    }

    /** {@link #identify} as the shared {@link Device} value, with the services discovery found. */
    public Device toDevice(HostEvidence e, List<Service> services) {
        Identification id = identify(e);
        return new Device(e.ip(), id.kind(), id.vendor(), id.model(), id.hardware(), id.firmware(), id.confidence(),
                services);
    }

    /** Groups each OEM brand with its platform, scores the groups and ranks them, best first. */
    private List<Candidate> candidates(Map<String, List<Contribution>> byFamily) {
        Map<String, List<Family>> groups = new LinkedHashMap<>();
        for (String id : byFamily.keySet()) {
            Family f = family(id);
            groups.computeIfAbsent(f.platform(), k -> new ArrayList<>()).add(f);
        }
        List<Candidate> out = new ArrayList<>();
        for (List<Family> members : groups.values()) {
            Family brand = members.stream().filter(f -> f.oemOf() != null)
                    .max(Comparator.comparingDouble(f -> combined(byFamily.get(f.id()))))
                    .orElse(members.get(0));
            List<Contribution> inFileOrder = new ArrayList<>(byFamily.get(brand.id()));
            members.stream().filter(f -> f != brand).forEach(f -> inFileOrder.addAll(byFamily.get(f.id())));
            DeviceKind kind = inFileOrder.stream().filter(c -> c.kind() != null).map(Contribution::kind).findFirst()
                    .orElse(brand.kind());
            List<Contribution> all = inFileOrder.stream()
                    .sorted(Comparator.comparingDouble(Contribution::score).reversed()).toList();
            out.add(new Candidate(brand, kind, all, combined(all)));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    private static double combined(List<Contribution> contributions) {
        double missing = 1;
        for (Contribution c : contributions) {
            missing *= 1 - c.score();
        }
        return 1 - missing;
    }

    private static Identification tie(Candidate a, Candidate b, List<String> reasons, SelfKind self) {
        reasons.add("tie between " + a.brand().vendor() + " (score " + round(a.score()) + ") and " + b.brand().vendor()
                + " (score " + round(b.score()) + ": " + b.contributions().get(0).reason() + "): vendor left open");
        DeviceKind kind = a.kind() == b.kind() ? a.kind() : DeviceKind.UNKNOWN;
        if (kind == DeviceKind.UNKNOWN) {
            reasons.addAll(self.reasons("the tied families disagree on the kind"));
            kind = self.kind();
        }
        return new Identification(kind, null, null, null, null, null, round(a.score() / 2), reasons);
    }

    /**
     * What the device's own description (UPnP device type, WS-Discovery types, ONVIF device information) says it
     * is: the kind every matching kind rule agrees on, with their combined score; unknown when none matches or they
     * contradict each other (a gateway that also claims to be a camera is not believed either way).
     */
    private SelfKind selfDescribed(HostEvidence e) {
        Map<DeviceKind, List<Contribution>> byKind = new LinkedHashMap<>();
        for (Family.Rule r : kindRules) {
            List<String> why = new ArrayList<>();
            if (r.when().test(e, why)) {
                byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>())
                        .add(new Contribution(r.score(), r.kind(), "_common/" + r.id() + ": " + String.join(", ", why)));
            }
        }
        if (byKind.size() != 1) {
            return new SelfKind(DeviceKind.UNKNOWN, 0, byKind);
        }
        Map.Entry<DeviceKind, List<Contribution>> only = byKind.entrySet().iterator().next();
        return new SelfKind(only.getKey(), combined(only.getValue()), byKind);
    }

    private static Identification unknown(HostEvidence e, List<Candidate> weak, List<String> unplaced, SelfKind self) {
        List<String> reasons = new ArrayList<>();
        reasons.add("no fingerprint matched strongly enough to name a vendor");
        for (Candidate c : weak.stream().filter(c -> c.score() > 0).toList()) {
            reasons.add("too weak for " + c.brand().vendor() + " (score " + round(c.score()) + "): "
                    + c.contributions().get(0).reason());
        }
        reasons.addAll(unplaced);
        if (!e.tcpPorts().isEmpty()) {
            reasons.add("open tcp ports: " + String.join(", ", e.tcpPorts().stream().map(String::valueOf).toList()));
        }
        List<Observation> seen = e.observations();
        seen.stream().limit(MAX_LISTED).forEach(o -> reasons.add("seen " + Condition.describe(o)));
        if (seen.size() > MAX_LISTED) {
            reasons.add("and " + (seen.size() - MAX_LISTED) + " more observations");
        }
        reasons.addAll(1, self.reasons("no vendor family matched"));
        return new Identification(self.kind(), null, null, null, null, null, round(self.score()), reasons);
    }

    private Family family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // another caller has the jar open: read through a second, independent view of it
            return FileSystems.newFileSystem(Path.of(URI.create(uri.toString().substring(4, uri.toString().indexOf('!')))));
        }
    }

    /** One piece of evidence for a family: what it adds, the kind it implies (or null), and the words for it. */
    private record Contribution(double score, DeviceKind kind, String reason) {
    }

    /** A platform's combined evidence, reported under the brand that names the device. */
    private record Candidate(Family brand, DeviceKind kind, List<Contribution> contributions, double score) {
    }

    /** The kind a device's self-description gives (unknown when none or contradicting), and the matches per kind. */
    private record SelfKind(DeviceKind kind, double score, Map<DeviceKind, List<Contribution>> matches) {
        /** The reason line: which self-description decided the kind, or which ones contradict; none when no rule matched. */
        List<String> reasons(String context) {
            if (matches.isEmpty()) {
                return List.of();
            }
            List<String> found = new ArrayList<>();
            matches.forEach((k, list) -> list.forEach(c -> found.add(
                    (kind == DeviceKind.UNKNOWN ? k.wireName() + " by " : "") + c.reason())));
            String what = kind == DeviceKind.UNKNOWN ? "kind left unknown: the device's own descriptions contradict each other"
                    : "kind " + kind.wireName() + " from the device's own description";
            return List.of(what + " (" + String.join("; ", found) + "); " + context);
        }
    }

    /** Picks model, hardware and firmware: the first source that has one wins, disagreeing sources are noted. */
    private static final class Fields {
        private final List<String> reasons;
        private int disagreements;

        Fields(List<String> reasons) {
            this.reasons = reasons;
        }

        String pick(String field, HostEvidence e, List<List<Extractor>> sources) {
            Extractor.Found chosen = null;
            for (List<Extractor> list : sources) {
                for (Extractor x : list) {
                    Optional<Extractor.Found> found = x.extract(e);
                    if (found.isEmpty()) {
                        continue;
                    }
                    if (chosen == null) {
                        chosen = found.get();
                        reasons.add(field + " " + chosen.value() + " from " + chosen.source());
                    } else if (!chosen.value().equalsIgnoreCase(found.get().value())) {
                        disagreements++;
                        reasons.add(field + ": " + found.get().source() + " disagrees, kept " + chosen.value()
                                + ": confidence lowered");
                    }
                }
            }
            return chosen == null ? null : chosen.value();
        }
    }
}
