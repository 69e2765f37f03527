package dev.warden.fuzz;

import dev.warden.advise.AdvisoryException;
import dev.warden.advise.csaf.CsafReader;
import dev.warden.advise.version.UnreadableRangeException;
import dev.warden.advise.version.Version;
import dev.warden.advise.version.VersionRange;
import dev.warden.model.AffectedProduct;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: any bytes as a CSAF document, then every version range it yields parsed and evaluated; and the same
 * bytes as one range string. A hostile document must be an {@link AdvisoryException}, an unreadable range an
 * {@link UnreadableRangeException} (the review queue), nothing else.
 */
public final class CsafFuzzer {
    private CsafFuzzer() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        range(new String(data, StandardCharsets.UTF_8));
        try {
            for (AffectedProduct p : CsafReader.read(data, "fuzz.json").products()) {
                if (p.versionRange() != null) {
                    range(p.versionRange());
                }
            }
        } catch (AdvisoryException expected) {
            // a clear rejection is the contract
        }
    }

    private static void range(String text) {
        try {
            VersionRange.parse(text).evaluate(Version.parse("2.52.2.43"), 2);
        } catch (UnreadableRangeException expected) {
            // goes to the review queue
        }
    }
}
