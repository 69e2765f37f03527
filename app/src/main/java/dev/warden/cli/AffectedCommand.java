package dev.warden.cli;

import dev.warden.advise.service.AdvisoryService;
import dev.warden.inventory.Inventory;
import dev.warden.inventory.KnownDevice;
import dev.warden.store.Store;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code warden affected ADVISORY|CVE}: the devices an advisory or a vulnerability affects now, and what to do. */
@Command(name = "affected", mixinStandardHelpOptions = true,
        description = {"Lists the devices an advisory (by tracking id) or a CVE affects now, each with the",
            "matcher's confidence and reasons and the remedy the advisory gives."})
final class AffectedCommand extends AdvisoriesCommand.Common implements Callable<Integer> {
    @Parameters(paramLabel = "ADVISORY-ID|CVE", description = "An advisory's tracking id, or a CVE id.")
    String name;

    @Override
    public Integer call() {
        try (Store store = open()) {
            var matches = new AdvisoryService(store).affected(name);
            Map<String, KnownDevice> devices = new HashMap<>();
            for (KnownDevice d : new Inventory(store).devices()) {
                devices.put(d.device().ip(), d);
            }
            output().affected(name, matches, devices);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return ExitCode.OK;
    }
}
