package dev.warden.model;

import java.util.List;
import java.util.Objects;

/**
 * One product an advisory speaks about, flattened from the CSAF product tree: a firmware range on a model, possibly on
 * one hardware revision. Matching needs all of vendor, model, hardware revision and firmware line; whatever the
 * document does not say is null, and a range that cannot be read is kept raw (its product goes to the review queue,
 * never silently "not affected").
 *
 * @param productId        the CSAF product id ({@code CSAFPID-0001}), unique within its advisory
 * @param vendor           the vendor as written, or null
 * @param models           model names or numbers as written, CSAF wildcards ({@code ?} one character, {@code *} any) kept
 * @param hardwareRevision the hardware revision the product is limited to ({@code V3}), or null for any
 * @param versionRange     the firmware version or range as written ({@code vers:...}, {@code <= 5.4.4 Build 161125},
 *                         a single version), or null when the advisory names no version
 * @param status           what the advisory says of it
 */
public record AffectedProduct(String productId, String vendor, List<String> models, String hardwareRevision,
                              String versionRange, ProductStatus status) {
    public AffectedProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(status, "status");
        models = List.copyOf(models);
    }

    /** CSAF's product status lists, reduced to what matching needs. */
    public enum ProductStatus {
        /** {@code known_affected}, {@code first_affected}, {@code last_affected}. */
        AFFECTED,
        /** {@code fixed}, {@code first_fixed}. */
        FIXED,
        /** {@code known_not_affected}. */
        NOT_AFFECTED,
        /** {@code under_investigation}. */
        UNDER_INVESTIGATION,
        /** {@code recommended}: the version the vendor recommends. */
        RECOMMENDED
    }
}
