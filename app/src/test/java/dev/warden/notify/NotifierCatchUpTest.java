package dev.warden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.advise.ingest.ShippedAdvisories;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.Scan;
import dev.warden.inventory.ScanKind;
import dev.warden.model.Device;
import dev.warden.model.DeviceKind;
import dev.warden.remediation.DuePolicy;
import dev.warden.store.Sql;
import dev.warden.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that stopped after the matches were committed but before the notifier ran leaves active matches without
 * remediation items; the next {@code warden notify} opens them (once) instead of never telling the owner.
 */
class NotifierCatchUpTest {
    @TempDir
    Path tmp;

    @Test
    void matchesLeftWithoutARemediationItemAreOpenedOnceByTheNextRun() {
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("w.db"))) {
            Device nursery = new Device("127.77.180.90", DeviceKind.CAMERA, "Foscam", "FI9826P", "V1", "2.11.1.120",
                    0.9, List.of());
            new Inventory(store).recordDiscovery(Scan.of(ScanKind.DISCOVER, "127.77.180.90", 1_000, 2_000),
                    List.of(nursery), ip -> true);
            // Imported with no notifier listening: as if the process died right after the match transaction.
            AdvisoryService advisories = new AdvisoryService(store);
            assertThat(advisories.importFrom(List.of(ShippedAdvisories.source()), u -> false).matchesAdded()).isPositive();
            assertThat(count(store)).isZero();

            Notifier notifier = new Notifier(store, DuePolicy.load(), Clock.systemUTC());
            int opened = notifier.catchUp(advisories);
            assertThat(opened).isPositive().isEqualTo(count(store));
            assertThat(notifier.catchUp(advisories)).isZero();
            assertThat(count(store)).isEqualTo(opened);
        }
    }

    private static long count(Store store) {
        return store.transaction(c -> Sql.query(c, "SELECT COUNT(*) FROM remediations", rs -> rs.getLong(1)).get(0));
    }
}
