package dev.warden.cli;

import dev.warden.inventory.Inventory;
import dev.warden.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden inventory}: the devices Warden knows, what changed between scans, and a comparison of two scans. */
@Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Lists the devices Warden knows: address, kind, vendor, model, firmware, ports,",
            "first and last seen. --changes lists what discoveries found different (new,",
            "gone and returning devices, firmware/vendor/model changes, ports opened and",
            "closed); --diff compares what two discoveries saw; --scans lists the scans."})
final class InventoryCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption db;

    @Option(names = "--changes", description = "List change events, oldest first.")
    boolean changes;

    @Option(names = "--since", paramLabel = "SCAN", description = "With --changes: only those after this scan (its id, or its first characters).")
    String since;

    @Option(names = "--diff", arity = "2", paramLabel = "SCAN", description = "Compare two discoveries: what SCAN_B saw that differs from SCAN_A.")
    List<String> diff;

    @Option(names = "--scans", description = "List the recorded scans, oldest first.")
    boolean scans;

    @Option(names = "--json", description = "Machine output: one JSON object per line (device, change or scan).")
    boolean json;

    @Override
    public Integer call() {
        int modes = (changes ? 1 : 0) + (diff != null ? 1 : 0) + (scans ? 1 : 0);
        if (modes > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--changes, --diff and --scans exclude each other");
        }
        if (since != null && !changes) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since needs --changes");
        }
        var h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = db.open(h)) {
            Inventory inventory = new Inventory(store);
            InventoryOutput view = new InventoryOutput(out, json);
            if (changes) {
                view.changes(inventory.changes(since));
            } else if (diff != null) {
                view.diff(inventory.scan(diff.get(0)), inventory.scan(diff.get(1)), inventory.diff(diff.get(0), diff.get(1)));
            } else if (scans) {
                view.scans(inventory.scans());
            } else {
                view.devices(inventory.devices(), store.toString());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return ExitCode.OK;
    }
}
