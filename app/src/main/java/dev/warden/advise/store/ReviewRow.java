package dev.warden.advise.store;

/**
 * A product of an advisory the matcher could not decide, for a person to look at.
 *
 * @param advisoryId the advisory
 * @param productId  its product
 * @param reason     why the matcher could not decide (e.g. an unreadable version range)
 * @param text       what the advisory wrote (the range or product name), or null
 * @param open       false once the advisory's current revision no longer raises it
 */
public record ReviewRow(String advisoryId, String productId, String reason, String text, boolean open) {
}
