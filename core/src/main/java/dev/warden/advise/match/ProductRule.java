package dev.warden.advise.match;

import dev.warden.advise.version.UnreadableRangeException;
import dev.warden.advise.version.VersionRange;
import dev.warden.model.Advisory;
import dev.warden.model.AffectedProduct;

import java.util.Locale;

/**
 * One advisory product compiled for matching under one of its model names: vendor key, model, hardware revision key,
 * the parsed firmware range (or why it could not be parsed) and the vendor's firmware-line length.
 */
record ProductRule(Advisory advisory, AffectedProduct product, String vendorKey, ModelName model, String modelText,
                   String hardwareKey, VersionRange range, String unreadable, int lineComponents) {

    static ProductRule compile(Advisory advisory, AffectedProduct product, String model, VendorRules vendors) {
        String vendorKey = vendors.vendorKey(product.vendor());
        VersionRange range = null;
        String unreadable = null;
        if (product.versionRange() != null) {
            try {
                range = VersionRange.parse(product.versionRange());
            } catch (UnreadableRangeException e) {
                unreadable = e.getMessage();
            }
        }
        return new ProductRule(advisory, product, vendorKey, ModelName.ofAdvisory(model), model,
                hardwareKey(product.hardwareRevision()), range, unreadable, vendors.firmwareLine(vendorKey));
    }

    /**
     * A hardware revision reduced for comparison: {@code V2}, {@code v2}, {@code Rev 2}, {@code 2.0} and {@code 2}
     * are the same; null stays null.
     */
    static String hardwareKey(String revision) {
        if (revision == null || revision.isBlank()) {
            return null;
        }
        String r = revision.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "")
                .replaceFirst("^(REV|HW|V)\\.?", "").replaceFirst("(\\.0+)+$", "").replaceFirst("^0+(?=\\d)", "");
        return r.isEmpty() ? null : r;
    }
}
