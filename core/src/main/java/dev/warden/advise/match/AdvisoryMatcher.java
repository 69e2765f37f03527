package dev.warden.advise.match;

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
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
 * no fix planned or none available.
 * <p>
 * Speed: advisory products are indexed by vendor and model ({@link RuleIndex}), a device is normalised once and the
 * normalised form of each distinct vendor, model and firmware string is remembered ({@link DeviceNormaliser}), and
 * reasons are written only for the products that end up matched. For a newly arrived advisory, {@link DeviceIndex}
 * finds the devices of its vendors and models without judging the whole inventory.
 */
public final class AdvisoryMatcher {
    private static final double NO_VENDOR = 0.8;
    private static final double WILDCARD = 0.9;
    private static final double HARDWARE_UNKNOWN = 0.6;
    private static final double LENIENT_RANGE = 0.9;
    private static final double FIRMWARE_UNDECIDED = 0.5;
    private static final double INVESTIGATING = 0.5;

    private final VendorRules vendors;
    private final DeviceNormaliser normaliser;
    private final RuleIndex index;
    private final List<ReviewItem> review = new ArrayList<>();

    /** A matcher over {@code advisories} with the shipped vendor rules. */
    public AdvisoryMatcher(Collection<Advisory> advisories) {
        this(advisories, VendorRules.shipped());
    }

    /** A matcher over {@code advisories} with the given vendor rules. */
    public AdvisoryMatcher(Collection<Advisory> advisories, VendorRules vendors) {
        this.vendors = vendors;
        this.normaliser = new DeviceNormaliser(vendors);
        this.index = new RuleIndex();
        for (Advisory a : advisories) {
            index.add(a, vendors, review);
        }
    }

    /** Every vulnerability of every advisory that affects {@code device}. */
    public List<AdvisoryMatch> match(Device device) {
        DeviceKeys d = normaliser.keys(device);
        return d == null ? List.of() : match(d, index);
    }

    /**
     * The devices {@code advisory} affects — the question a newly arrived advisory asks of the inventory. The
     * advisory need not be one this matcher was built with. Several advisories in a row over the same inventory
     * should build a {@link #index DeviceIndex} once and use {@link #affected(Advisory, DeviceIndex)}.
     */
    public List<AdvisoryMatch> affected(Advisory advisory, Iterable<Device> devices) {
        return affected(advisory, index(devices));
    }

    /**
     * The devices of {@code devices} that {@code advisory} affects, in the inventory's order; only the devices of the
     * advisory's vendors and models are judged.
     *
     * @throws IllegalArgumentException when the index was built with other vendor rules than this matcher's
     */
    public List<AdvisoryMatch> affected(Advisory advisory, DeviceIndex devices) {
        if (devices.vendors() != vendors) {
            throw new IllegalArgumentException("the device index was built with other vendor rules");
        }
        RuleIndex one = new RuleIndex();
        one.add(advisory, vendors, new ArrayList<>());
        BitSet candidates = devices.candidates(one);
        List<AdvisoryMatch> out = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            out.addAll(match(devices.device(i), one));
        }
        return out;
    }

    /** The inventory indexed for {@link #affected(Advisory, DeviceIndex)}, normalised with this matcher's rules. */
    public DeviceIndex index(Iterable<Device> devices) {
        return new DeviceIndex(devices, normaliser, vendors);
    }

    /** Products of the advisories given to the constructor that a person must look at (unreadable ranges). */
    public List<ReviewItem> reviewItems() {
        return List.copyOf(review);
    }

    private List<AdvisoryMatch> match(DeviceKeys device, RuleIndex idx) {
        List<ProductRule> rules = idx.candidates(device.vendorKey(), device.model());
        if (rules.isEmpty()) {
            return List.of();
        }
        // candidates grouped by advisory (RuleIndex gives equal advisories one instance), in order of first appearance
        List<List<Candidate>> byAdvisory = new ArrayList<>();
        for (ProductRule r : rules) {
            Candidate c = judge(r, device);
            if (c != null) {
                group(byAdvisory, r.advisory()).add(c);
            }
        }
        List<AdvisoryMatch> out = new ArrayList<>();
        for (List<Candidate> cs : byAdvisory) {
            Advisory advisory = cs.get(0).rule.advisory();
            for (Vulnerability v : advisory.vulnerabilities()) {
                AdvisoryMatch m = best(advisory, v, cs, device);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static List<Candidate> group(List<List<Candidate>> groups, Advisory a) {
        for (List<Candidate> g : groups) {
            if (g.get(0).rule.advisory() == a) {
                return g;
            }
        }
        List<Candidate> g = new ArrayList<>(2);
        groups.add(g);
        return g;
    }

    /**
     * A product that fits the device, with its confidence; {@code sure} when the firmware was decided; the firmware
     * verdict, null when the firmware was not compared. Its reasons are written by {@link #reasons} when it matches.
     */
    private record Candidate(ProductRule rule, double confidence, boolean sure, Verdict verdict) {
    }

    private static Candidate judge(ProductRule r, DeviceKeys device) {
        double conf = 1.0;
        if (r.vendorKey().isEmpty()) {
            conf *= NO_VENDOR;
        }
        if (r.model().pattern() != null) {
            conf *= WILDCARD;
        }
        if (r.hardwareKey() != null) {
            if (device.hardware() == null) {
                conf *= HARDWARE_UNKNOWN;
            } else if (!device.hardware().equals(r.hardwareKey())) {
                return null;
            }
        }
        VersionRange range = r.range();
        if (r.unreadable() != null || (range != null && device.firmware() == null)) {
            return new Candidate(r, conf * FIRMWARE_UNDECIDED, false, null);
        }
        if (range == null) {
            return new Candidate(r, conf, true, null);
        }
        Verdict verdict = range.evaluate(device.firmware(), r.lineComponents());
        return switch (verdict) {
            case OUT, NOT_JUDGED -> null;
            case UNKNOWN -> new Candidate(r, conf * FIRMWARE_UNDECIDED, false, verdict);
            case IN -> new Candidate(r, range.form() == VersionRange.Form.LENIENT ? conf * LENIENT_RANGE : conf, true,
                    verdict);
        };
    }

    /** Each step of {@link #judge}'s decision for a matched product, in words. */
    private static List<String> reasons(Candidate c, DeviceKeys keys) {
        ProductRule r = c.rule;
        Device device = keys.device();
        List<String> reasons = new ArrayList<>();
        reasons.add(r.vendorKey().isEmpty() ? "advisory names no vendor"
                : "vendor " + device.vendor() + " is " + r.product().vendor());
        reasons.add("model " + device.model() + " matches " + (r.model().pattern() != null ? "pattern " : "")
                + r.modelText());
        if (r.hardwareKey() != null) {
            reasons.add(keys.hardware() == null
                    ? "hardware revision unknown; the advisory names " + r.product().hardwareRevision()
                    : "hardware revision " + r.product().hardwareRevision() + " matches");
        }
        VersionRange range = r.range();
        Version firmware = keys.firmware();
        if (r.unreadable() != null) {
            reasons.add("firmware range '" + r.product().versionRange() + "' unreadable (" + r.unreadable()
                    + "): needs review");
        } else if (range == null) {
            reasons.add("the advisory names no firmware version: every firmware");
        } else if (firmware == null) {
            reasons.add("firmware unknown; the advisory names " + range.text());
        } else if (c.verdict == Verdict.UNKNOWN) {
            reasons.add("cannot compare firmware " + firmware.text() + " with " + range.text()
                    + (r.lineComponents() > 0 ? " (masked version or unknown firmware line)" : " (masked version)"));
        } else {
            String line = r.lineComponents() > 0 ? " on line " + firmware.line(r.lineComponents()) : "";
            reasons.add("firmware " + firmware.text() + " is within " + range.text().strip() + line);
            if (range.form() == VersionRange.Form.LENIENT) {
                reasons.add("range read leniently (not a valid vers range)");
            }
        }
        return reasons;
    }

    /** The most confident affected product of one vulnerability, unless a fixed/not-affected product covers it. */
    private static AdvisoryMatch best(Advisory advisory, Vulnerability v, List<Candidate> cs, DeviceKeys device) {
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
        List<String> reasons = reasons(best, device);
        if (v.statusOf(best.rule.product()) == ProductStatus.UNDER_INVESTIGATION) {
            reasons.add("the vendor is still investigating this product");
        }
        AffectedProduct p = best.rule.product();
        return new AdvisoryMatch(advisory.id(), advisory.revision(), v.cve(), device.device().ip(), p.productId(),
                bestConf, reasons, v.severity(), remedy(v, p.productId()));
    }

    private static Remedy remedy(Vulnerability v, String productId) {
        return v.remedies().stream().filter(r -> r.productIds().contains(productId))
                .min(Comparator.comparing(Remedy::category)).orElse(null);
    }
}
