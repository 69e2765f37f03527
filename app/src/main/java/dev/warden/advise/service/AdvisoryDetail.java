package dev.warden.advise.service;

import dev.warden.advise.store.AdvisoryRow;
import dev.warden.advise.store.MatchRow;
import dev.warden.advise.store.ReviewRow;
import dev.warden.advise.store.RevisionRow;
import dev.warden.model.Advisory;
import java.util.List;

/**
 * Everything Warden holds about one advisory, for {@code warden advisories show}.
 *
 * @param summary   the revision in force with its counts
 * @param advisory  the revision in force as read (products, vulnerabilities with remedies and KEV entries joined)
 * @param revisions every revision imported
 * @param matches   every match ever made, active and withdrawn
 * @param review    every review item, open and obsolete
 */
public record AdvisoryDetail(AdvisoryRow summary, Advisory advisory, List<RevisionRow> revisions, List<MatchRow> matches,
                             List<ReviewRow> review) {
}
