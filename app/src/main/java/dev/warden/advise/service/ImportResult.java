package dev.warden.advise.service;

import dev.warden.advise.store.SaveOutcome;
import java.util.List;

/**
 * What one import did: each document stored (or found unchanged), each one rejected with its reason, warnings, and
 * what matching changed.
 *
 * @param imported       the documents read and accepted, in the order read
 * @param rejected       the documents (or feeds, or whole sources) refused, with why; none of them changed the store
 * @param warnings       things to know that refused nothing (a missing schema, a count limit reached)
 * @param matchesAdded   matches added over all imported advisories
 * @param matchesRemoved matches withdrawn over all imported advisories
 * @param reviewItems    open review items raised by the imported advisories
 */
public record ImportResult(List<Imported> imported, List<Rejection> rejected, List<String> warnings, int matchesAdded,
                           int matchesRemoved, int reviewItems) {
    public ImportResult {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /** One accepted document. */
    public record Imported(String advisoryId, String revision, String location, SaveOutcome outcome, int matchesAdded,
                           int matchesRemoved) {
    }

    /** One refused document, feed or source. */
    public record Rejection(String location, String reason) {
    }

    /** How many documents had the given outcome. */
    public long count(SaveOutcome outcome) {
        return imported.stream().filter(i -> i.outcome() == outcome).count();
    }
}
