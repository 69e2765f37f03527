package dev.warden.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an advisory tells owners of some products to do about one vulnerability (a CSAF remediation).
 *
 * @param category      the kind of remedy
 * @param details       the advisory's own text
 * @param url           where to read more or download, or null
 * @param productIds    the products it applies to ({@link AffectedProduct#productId()})
 * @param fixedFirmware for {@link Category#VENDOR_FIX}: the first firmware that fixes it, when the advisory names one
 */
public record Remedy(Category category, String details, String url, Set<String> productIds, String fixedFirmware) {
    public Remedy {
        Objects.requireNonNull(category, "category");
        productIds = Set.copyOf(productIds);
    }

    /** CSAF 2.0 remediation categories. */
    public enum Category {
        VENDOR_FIX, WORKAROUND, MITIGATION, NO_FIX_PLANNED, NONE_AVAILABLE;

        /** The CSAF name, e.g. {@code vendor_fix}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Category fromWire(String s) {
            for (Category c : values()) {
                if (c.wireName().equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown remediation category '" + s + "'");
        }
    }
}
