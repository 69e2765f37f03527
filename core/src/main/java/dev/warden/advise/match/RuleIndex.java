package dev.warden.advise.match;

import dev.warden.advise.ReviewItem;
import dev.warden.model.Advisory;
import dev.warden.model.AffectedProduct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Advisory products compiled for matching, by vendor key, then by exact model key or through a wildcard model.
 * <p>
 * Wildcard models ({@code M12-?}, {@code DS-2CD2xx2F-I Series}) are grouped by pattern, so that a pattern many
 * advisories share is tried once per device, and the patterns by the literal text before their first wildcard, so
 * that a device only tries the patterns that could cover it. {@link #candidates} returns products in the order they
 * were added (exact before wildcard, the device's vendor before products without vendor), as the matcher's tie
 * breaking expects.
 */
final class RuleIndex {
    private final Map<String, Map<String, List<ProductRule>>> exact = new HashMap<>();
    private final Map<String, Wildcards> wildcard = new HashMap<>();
    /** One instance per distinct advisory, so that products of equal advisories can be grouped by identity. */
    private final Map<Advisory, Advisory> advisories = new HashMap<>();
    private int added;

    /**
     * Compiles and adds every product of {@code advisory}; products with an unreadable range go to {@code review} once.
     * Products of an advisory equal to one added before refer to that one ({@link ProductRule#advisory()}).
     */
    void add(Advisory advisory, VendorRules vendors, List<ReviewItem> review) {
        Advisory a = advisories.computeIfAbsent(advisory, x -> x);
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
                    wildcard.computeIfAbsent(r.vendorKey(), k -> new Wildcards()).add(r, added);
                }
                added++;
            }
        }
    }

    /** The products that may fit a device of this vendor key and model. */
    List<ProductRule> candidates(String vendorKey, ModelName model) {
        List<ProductRule> out = new ArrayList<>();
        collect(vendorKey, model, out);
        if (!vendorKey.isEmpty()) {
            collect("", model, out);
        }
        return out;
    }

    /** Vendor keys of the products with an exact model, "" for products without vendor, each with its model keys. */
    Map<String, Set<String>> exactModels() {
        Map<String, Set<String>> out = new HashMap<>();
        exact.forEach((vendor, byModel) -> out.put(vendor, byModel.keySet()));
        return out;
    }

    /** Vendor keys of the products with a wildcard model, "" for products without vendor. */
    Set<String> wildcardVendors() {
        return wildcard.keySet();
    }

    /** Whether a wildcard model of a product of this vendor key covers {@code model}. */
    boolean wildcardCovers(String vendorKey, ModelName model) {
        Wildcards w = wildcard.get(vendorKey);
        if (w == null) {
            return false;
        }
        List<Wildcards.Entry> found = new ArrayList<>();
        w.collect(model, found);
        return !found.isEmpty();
    }

    private void collect(String vendorKey, ModelName model, List<ProductRule> out) {
        Map<String, List<ProductRule>> byModel = exact.get(vendorKey);
        if (byModel != null) {
            out.addAll(byModel.getOrDefault(model.key(), List.of()));
        }
        Wildcards w = wildcard.get(vendorKey);
        if (w != null) {
            List<Wildcards.Entry> found = new ArrayList<>();
            w.collect(model, found);
            found.sort(Comparator.comparingInt(Wildcards.Entry::order));
            found.forEach(e -> out.add(e.rule()));
        }
    }

    /** One vendor's wildcard products: distinct patterns by literal prefix, each with its products. */
    private static final class Wildcards {
        /** A product with the position it was added at, to give candidates back in that order. */
        record Entry(ProductRule rule, int order) {
        }

        /** One distinct pattern and the products that use it, in the order added. */
        record Group(ModelName model, List<Entry> entries) {
        }

        private final Map<String, Map<String, Group>> byPrefix = new HashMap<>();
        private final TreeSet<Integer> prefixLengths = new TreeSet<>();

        void add(ProductRule r, int order) {
            String prefix = r.model().literalPrefix();
            prefixLengths.add(prefix.length());
            byPrefix.computeIfAbsent(prefix, k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.model().key(), k -> new Group(r.model(), new ArrayList<>()))
                    .entries().add(new Entry(r, order));
        }

        void collect(ModelName device, List<Entry> out) {
            for (int length : prefixLengths) {
                if (length > device.key().length()) {
                    return;
                }
                Map<String, Group> groups = byPrefix.get(device.key().substring(0, length));
                if (groups != null) {
                    for (Group g : groups.values()) {
                        if (g.model().covers(device)) {
                            out.addAll(g.entries());
                        }
                    }
                }
            }
        }
    }
}
