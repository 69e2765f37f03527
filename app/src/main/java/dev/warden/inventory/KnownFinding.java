package dev.warden.inventory;

import dev.warden.model.Finding;

/**
 * A finding as the store keeps it: the latest assessment's version of it, plus its lifecycle.
 *
 * @param finding   the finding (evidence already redacted)
 * @param status    open or fixed
 * @param firstSeen epoch ms of the assessment that first found it
 * @param lastSeen  epoch ms of the latest assessment that found it
 * @param fixedAt   epoch ms of the assessment that no longer found it, or null while open
 * @param firstScan id of the first assessment that found it
 * @param lastScan  id of the latest assessment that found it
 */
public record KnownFinding(Finding finding, FindingStatus status, long firstSeen, long lastSeen, Long fixedAt,
                           String firstScan, String lastScan) {
}
