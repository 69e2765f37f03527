package dev.warden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.advise.ingest.Source;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.discover.DiscoveryOptions;
import dev.warden.discover.ProgressListener;
import dev.warden.lab.Lab;
import dev.warden.lab.config.FleetBuilder;
import dev.warden.lab.config.LabConfig;
import dev.warden.lab.profile.ProfileCatalog;
import dev.warden.scope.Targets;
import dev.warden.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An advisory imported before the device is known: the discovery that finds the device matches it, because the
 * discover pipeline re-matches the inventory whenever it changes.
 */
class AdvisoryRematchLabTest {
    private static final String LAB = """
            name: advisory-rematch
            devices:
              - {name: foscam-hallway, profile: foscam-c2, address: 127.77.170.30, firmware: "2.72.1.59"}
            """;

    @TempDir
    Path tmp;

    @Test
    void aDiscoveryMatchesTheAdvisoriesAlreadyImported() throws Exception {
        ProfileCatalog cat = ProfileCatalog.load();
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
             Lab lab = Lab.start(cat, new FleetBuilder(cat).build(LabConfig.parse("rematch.yaml",
                     LAB.getBytes(StandardCharsets.UTF_8))), 1)) {
            AdvisoryService service = new AdvisoryService(store);
            service.importFrom(List.of(Source.parse("../content/advisories/warden-2017-foscam-disconnect.json")), u -> false);
            assertThat(service.affected("WARDEN-2017-FOSCAM-DISCONNECT")).isEmpty();

            Scans.discover(store, Targets.parse("127.77.170.30"), DiscoveryOptions.defaults(), "127.77.170.30",
                    ProgressListener.NONE, (d, id) -> { });

            assertThat(service.affected("WARDEN-2017-FOSCAM-DISCONNECT")).extracting(m -> m.match().deviceIp())
                    .contains("127.77.170.30");
        }
    }
}
