package dev.warden.advise.store;

import dev.warden.model.AdvisoryMatch;

/**
 * A stored match: the match as last made, when it was first and last made, and whether it still holds.
 *
 * @param match        the match (of the revision it was last made against)
 * @param firstMatched epoch ms of the first time it was made
 * @param lastMatched  epoch ms of the last time it was made
 * @param active       false once withdrawn: a later revision or an inventory change no longer matches
 */
public record MatchRow(AdvisoryMatch match, long firstMatched, long lastMatched, boolean active) {
}
