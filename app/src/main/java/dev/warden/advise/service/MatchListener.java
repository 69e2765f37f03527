package dev.warden.advise.service;

import dev.warden.model.Advisory;
import dev.warden.model.AdvisoryMatch;
import java.util.List;

/**
 * Told what matching changed for one advisory, after the change is committed to the store: by an import (a new
 * advisory or a new revision) and by a re-match after the inventory changed. Notifications hang here. Called on the
 * importing thread, once per advisory whose matches changed; never with two empty lists.
 */
@FunctionalInterface
public interface MatchListener {
    /**
     * @param added    matches that hold now and did not before (a new device, a new revision, a firmware change)
     * @param removed  matches that held and are now withdrawn (the revision no longer lists the product, the device
     *                 was upgraded or is gone)
     * @param advisory the revision in force the matches were made against
     */
    void onMatches(List<AdvisoryMatch> added, List<AdvisoryMatch> removed, Advisory advisory);
}
