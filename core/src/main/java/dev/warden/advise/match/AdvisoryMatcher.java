package dev.warden.advise.match;

import dev.warden.advise.ModelRevision;
import dev.warden.advise.ReviewItem;
import dev.warden.advise.version.Verdict;
import dev.warden.advise.version.Version;
import dev.warden.advise.version.VersionRange;
import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import dev.warden.model.AffectedProduct;
import dev.warden.model.AffectedProduct.ProductStatus;
import dev.warden.model.Device;
import dev.warden.model.Remedy;
import dev.warden.model.Vulnerability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the devices advisories affect: one {@link AdvisoryMatch} per device and vulnerability, from the advisory
 * product that fits the device best, with a confidence and the reasons.
 * <p>
 * Decisions, in order:
 * <ul>
 *   <li>vendor: same canonical vendor ({@link VendorRules} aliases); an advisory product without vendor fits any
 *       vendor at confidence ×0.8;</li>
 *   <li>model: same reduced name ({@link ModelName}), or through a wildcard at ×0.9;</li>
 *   <li>hardware revision, when the advisory names one: a different revision never matches; an unknown revision
 *       (neither {@link Device#hardware()} nor a {@code V<n>} suffix on the model) matches at ×0.6 with the reason
 *       "hardware revision unknown" — an owner must not miss a warning because the inventory could not read the
 *       revision;</li>
 *   <li>firmware: inside the range matches (a range read leniently ×0.9); outside, or a range whose bounds are all on
 *       other firmware lines, does not; unknown firmware, a masked version or an unreadable range (which also goes to
 *       {@link #reviewItems()}) match at ×0.5 — never silently "not affected";</li>
 *   <li>a device that a {@code fixed} or {@code known_not_affected} product of the same vulnerability covers (firmware
 *       known and inside) is not matched; {@code under_investigation} matches at ×0.5.</li>
 * </ul>
 * The remedy of a match is the advisory's remediation for that product, a vendor fix before a workaround, mitigation,
 * no fix planned or none available. Lookups go through an index by vendor and model, so a device costs a few hash
 * lookups plus the wildcard models of its vendor.
 */
public final class AdvisoryMatcher {
    private static final double NO_VENDOR = 0.8;
    private static final double WILDCARD = 0.9;
    private static final double HARDWARE_UNKNOWN = 0.6;
    private static final double LENIENT_RANGE = 0.9;
    private static final double FIRMWARE_UNDECIDED = 0.5;
    private static final double INVESTIGATING = 0.5;

    private final VendorRules vendors;
    private final Index index;
    private final List<ReviewItem> review = new ArrayList<>();

    /** A matcher over {@code advisories} with the shipped vendor rules. */
    public AdvisoryMatcher(Collection<Advisory> advisories) {
        this(advisories, VendorRules.shipped());
    }

    /** A matcher over {@code advisories} with the given vendor rules. */
    public AdvisoryMatcher(Collection<Advisory> advisories, VendorRules vendors) {
        this.vendors = vendors;
        this.index = new Index();
        for (Advisory a : advisories) {
            index.add(a, vendors, review);
        }
    }

    /** Every vulnerability of every advisory that affects {@code device}. */
    public List<AdvisoryMatch> match(Device device) {
        return match(device, index);
    }

    /**
     * The devices {@code advisory} affects — the question a newly arrived advisory asks of the inventory. The
     * advisory need not be one this matcher was built with.
     */
    public List<AdvisoryMatch> affected(Advisory advisory, Iterable<Device> devices) {
        Index one = new Index();
        one.add(advisory, vendors, new ArrayList<>());
        List<AdvisoryMatch> out = new ArrayList<>();
        for (Device d : devices) {
            out.addAll(match(d, one));
        }
        return out;
    }

    /** Products of the advisories given to the constructor that a person must look at (unreadable ranges). */
    public List<ReviewItem> reviewItems() {
        return List.copyOf(review);
    }

    private List<AdvisoryMatch> match(Device device, Index idx) {
        ModelRevision mr = device.model() == null ? null : ModelRevision.split(device.model());
        if (mr == null) {
            return List.of();
        }
        String vendorKey = vendors.vendorKey(device.vendor());
        ModelName model = ModelName.ofDevice(mr.model());
        String hardware = ProductRule.hardwareKey(device.hardware() != null ? device.hardware() : mr.revision());
        Version firmware = firmware(device.firmware());
        List<Candidate> candidates = new ArrayList<>();
        for (ProductRule r : idx.candidates(vendorKey, model)) {
            Candidate c = judge(r, device, hardware, firmware);
            if (c != null) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Advisory, List<Candidate>> byAdvisory = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byAdvisory.computeIfAbsent(c.rule.advisory(), k -> new ArrayList<>()).add(c);
        }
        List<AdvisoryMatch> out = new ArrayList<>();
        byAdvisory.forEach((advisory, cs) -> {
            for (Vulnerability v : advisory.vulnerabilities()) {
                AdvisoryMatch m = best(advisory, v, cs, device);
                if (m != null) {
                    out.add(m);
                }
            }
        });
        return out;
    }

    private static Version firmware(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A product that fits the device, with confidence and reasons; {@code sure} when the firmware was decided. */
    private record Candidate(ProductRule rule, double confidence, List<String> reasons, boolean sure) {
    }

    private Candidate judge(ProductRule r, Device device, String hardware, Version firmware) {
        List<String> reasons = new ArrayList<>();
        double conf = 1.0;
        if (r.vendorKey().isEmpty()) {
            conf *= NO_VENDOR;
            reasons.add("advisory names no vendor");
        } else {
            reasons.add("vendor " + device.vendor() + " is " + r.product().vendor());
        }
        if (r.model().pattern() != null) {
            conf *= WILDCARD;
            reasons.add("model " + device.model() + " matches pattern " + r.modelText());
        } else {
            reasons.add("model " + device.model() + " matches " + r.modelText());
        }
        if (r.hardwareKey() != null) {
            if (hardware == null) {
                conf *= HARDWARE_UNKNOWN;
                reasons.add("hardware revision unknown; the advisory names " + r.product().hardwareRevision());
            } else if (!hardware.equals(r.hardwareKey())) {
                return null;
            } else {
                reasons.add("hardware revision " + r.product().hardwareRevision() + " matches");
            }
        }
        boolean sure = true;
        VersionRange range = r.range();
        if (r.unreadable() != null) {
            conf *= FIRMWARE_UNDECIDED;
            sure = false;
            reasons.add("firmware range '" + r.product().versionRange() + "' unreadable (" + r.unreadable()
                    + "): needs review");
        } else if (range == null) {
            reasons.add("the advisory names no firmware version: every firmware");
        } else if (firmware == null) {
            conf *= FIRMWARE_UNDECIDED;
            sure = false;
            reasons.add("firmware unknown; the advisory names " + range.text());
        } else {
            Verdict verdict = range.evaluate(firmware, r.lineComponents());
            switch (verdict) {
                case OUT, NOT_JUDGED -> {
                    return null;
                }
                case UNKNOWN -> {
                    conf *= FIRMWARE_UNDECIDED;
                    sure = false;
                    reasons.add("cannot compare firmware " + firmware.text() + " with " + range.text()
                            + (r.lineComponents() > 0 ? " (masked version or unknown firmware line)" : " (masked version)"));
                }
                case IN -> {
                    String line = r.lineComponents() > 0 ? " on line " + firmware.line(r.lineComponents()) : "";
                    reasons.add("firmware " + firmware.text() + " is within " + range.text().strip() + line);
                    if (range.form() == VersionRange.Form.LENIENT) {
                        conf *= LENIENT_RANGE;
                        reasons.add("range read leniently (not a valid vers range)");
                    }
                }
            }
        }
        return new Candidate(r, conf, reasons, sure);
    }

    /** The most confident affected product of one vulnerability, unless a fixed/not-affected product covers it. */
    private static AdvisoryMatch best(Advisory advisory, Vulnerability v, List<Candidate> cs, Device device) {
        Candidate best = null;
        double bestConf = 0;
        for (Candidate c : cs) {
            ProductStatus s = v.statusOf(c.rule.product());
            if (s == null) {
                continue;
            }
            if ((s == ProductStatus.FIXED || s == ProductStatus.NOT_AFFECTED) && c.sure) {
                return null;
            }
            double conf = s == ProductStatus.UNDER_INVESTIGATION ? c.confidence * INVESTIGATING : c.confidence;
            if ((s == ProductStatus.AFFECTED || s == ProductStatus.UNDER_INVESTIGATION) && conf > bestConf) {
                best = c;
                bestConf = conf;
            }
        }
        if (best == null) {
            return null;
        }
        List<String> reasons = new ArrayList<>(best.reasons);
        if (v.statusOf(best.rule.product()) == ProductStatus.UNDER_INVESTIGATION) {
            reasons.add("the vendor is still investigating this product");
        }
        AffectedProduct p = best.rule.product();
        return new AdvisoryMatch(advisory.id(), advisory.revision(), v.cve(), device.ip(), p.productId(), bestConf,
                reasons, v.severity(), remedy(v, p.productId()));
    }

    private static Remedy remedy(Vulnerability v, String productId) {
        return v.remedies().stream().filter(r -> r.productIds().contains(productId))
                .min(Comparator.comparing(Remedy::category)).orElse(null);
    }

    /** Advisory products by vendor key, then by exact model key or in the vendor's wildcard list. */
    private static final class Index {
        private final Map<String, Map<String, List<ProductRule>>> exact = new HashMap<>();
        private final Map<String, List<ProductRule>> wildcard = new HashMap<>();

        void add(Advisory a, VendorRules vendors, List<ReviewItem> review) {
            for (AffectedProduct p : a.products()) {
                boolean reviewed = false;
                for (String model : p.models()) {
                    ProductRule r = ProductRule.compile(a, p, model, vendors);
                    if (r.model().key().isEmpty()) {
                        continue;
                    }
                    if (r.unreadable() != null && !reviewed) {
                        review.add(new ReviewItem(a.id(), p.productId(), p.versionRange(), r.unreadable()));
                        reviewed = true;
                    }
                    if (r.model().pattern() == null) {
                        exact.computeIfAbsent(r.vendorKey(), k -> new HashMap<>())
                                .computeIfAbsent(r.model().key(), k -> new ArrayList<>()).add(r);
                    } else {
                        wildcard.computeIfAbsent(r.vendorKey(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }

        List<ProductRule> candidates(String vendorKey, ModelName model) {
            List<ProductRule> out = new ArrayList<>();
            collect(vendorKey, model, out);
            if (!vendorKey.isEmpty()) {
                collect("", model, out);
            }
            return out;
        }

        private void collect(String vendorKey, ModelName model, List<ProductRule> out) {
            Map<String, List<ProductRule>> byModel = exact.get(vendorKey);
            if (byModel != null) {
                out.addAll(byModel.getOrDefault(model.key(), List.of()));
            }
            for (ProductRule r : wildcard.getOrDefault(vendorKey, List.of())) {
                if (r.model().covers(model)) {
                    out.add(r);
                }
            }
        }
    }
}
