package dev.warden.advise;

import java.util.Objects;

/**
 * Something in an advisory a person must look at because Warden could not decide it by itself, typically a version
 * range it cannot read. Devices of such a product are reported with low confidence, never silently "not affected".
 *
 * @param advisoryId the advisory's tracking id
 * @param productId  the advisory product concerned
 * @param text       the text Warden could not use, as written
 * @param reason     why, in words
 */
public record ReviewItem(String advisoryId, String productId, String text, String reason) {
    public ReviewItem {
        Objects.requireNonNull(advisoryId, "advisoryId");
        Objects.requireNonNull(reason, "reason");
    }
}
