package dev.warden.advise.store;

import dev.warden.model.AdvisoryMatch;
import java.util.List;

/**
 * What re-matching one advisory changed.
 *
 * @param added   matches that were not active before
 * @param removed matches that were active and are now withdrawn
 */
public record MatchChanges(List<AdvisoryMatch> added, List<AdvisoryMatch> removed) {
    public MatchChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
