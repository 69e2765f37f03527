package dev.warden.inventory;

/**
 * What one assessment changed in the findings.
 *
 * @param opened   found for the first time
 * @param reopened found again after having been fixed
 * @param fixed    open before, not found by this assessment of the same device
 * @param open     found again, still open
 */
public record FindingCounts(int opened, int reopened, int fixed, int open) {
}
