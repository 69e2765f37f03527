package dev.warden.cli;

import dev.warden.incident.Incident;
import dev.warden.incident.Incidents;
import dev.warden.store.Store;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden incidents}: what {@code warden watch} found, folded per device. */
@Command(name = "incidents", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the incidents warden watch recorded: per device, its first and last alert, how many,",
            "of which kinds, the worst severity, and whether it is open (alerts still join it) or closed."})
final class IncidentsCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOption db;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Only this device's incidents.")
    String host;

    @Option(names = "--json", description = "One JSON object per incident: id, host, first_seen, last_seen, alerts, kinds, max_severity, status.")
    boolean json;

    @Override
    public Integer call() {
        var h = home.open();
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = db.open(h)) {
            List<Incident> list = new Incidents(store).list(host);
            if (json) {
                list.forEach(i -> out.println(JsonLines.write(incident(i))));
                return ExitCode.OK;
            }
            if (list.isEmpty()) {
                out.println("No incidents" + (host == null ? "" : " for " + host) + " in " + store + ".");
                return ExitCode.OK;
            }
            Table t = new Table("ID", "HOST", "FIRST SEEN", "LAST SEEN", "ALERTS", "KINDS", "SEVERITY", "STATUS");
            for (Incident i : list) {
                t.row(i.id(), i.host(), i.firstSeen(), i.lastSeen(), i.alerts(), String.join(",", i.kinds()),
                        i.maxSeverity().wireName(), i.status().wireName());
            }
            t.print(out);
        }
        return ExitCode.OK;
    }

    private static Map<String, Object> incident(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("host", i.host());
        m.put("first_seen", i.firstSeen().toString());
        m.put("last_seen", i.lastSeen().toString());
        m.put("alerts", i.alerts());
        m.put("kinds", i.kinds());
        m.put("max_severity", i.maxSeverity().wireName());
        m.put("status", i.status().wireName());
        return m;
    }
}
