package dev.warden.cli;

import dev.warden.remediation.Remediation;
import dev.warden.remediation.RemediationState;
import dev.warden.remediation.Remediations;
import dev.warden.remediation.FirmwareLineOrder;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden remediation [list|set]}: each affected device and vulnerability, followed until the fix is verified. */
@Command(name = "remediation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists remediation items (device, advisory, CVE, state, due date, action), most urgent first.",
            "States: open, acknowledged, in_progress, fixed, verified (set only by a re-assessment that reads the",
            "fixed firmware), risk_accepted and false_positive (with a reason)."},
        subcommands = {RemediationCommand.ListItems.class, RemediationCommand.Set.class})
final class RemediationCommand implements Callable<Integer> {
    @Mixin HomeOption home;
    @Mixin StoreOption store;
    @Mixin ListOptions options;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The listing options, the same with and without the {@code list} word. */
    static final class ListOptions {
        @Option(names = "--overdue", description = "Only items past their due date and still open.") boolean overdue;
        @Option(names = "--json", description = "One JSON object per item: ip, advisory, revision, cve, state, severity, opened, due, overdue, action, fixed_firmware, reason, verified_at.") boolean json;
    }

    @Override
    public Integer call() {
        return list(home, store, options, spec.commandLine().getOut());
    }

    static int list(HomeOption home, StoreOption store, ListOptions o, PrintWriter out) {
        return store.run(home, s -> {
            print(out, new Remediations(s, Clock.systemUTC(), FirmwareLineOrder.shipped()).list(o.overdue), o.json);
        });
    }

    static void print(PrintWriter out, List<Remediation> items, boolean json) {
        Instant now = Instant.now();
        Table t = new Table("IP", "ADVISORY", "CVE", "STATE", "SEVERITY", "DUE", "ACTION");
        for (Remediation r : items) {
            if (json) {
                out.println(JsonLines.write(json(r, now)));
            } else {
                t.row(r.ip(), r.advisoryId(), r.cve().isEmpty() ? "-" : r.cve(), r.state().wireName(), r.severity().wireName(),
                        r.due().toString().substring(0, 10) + (r.overdue(now) ? " OVERDUE" : ""), r.action());
            }
        }
        if (!json) {
            t.print(out);
        }
    }

    static Map<String, Object> json(Remediation r, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", r.ip());
        m.put("advisory", r.advisoryId());
        m.put("revision", r.revision());
        m.put("cve", r.cve().isEmpty() ? null : r.cve());
        m.put("state", r.state().wireName());
        m.put("severity", r.severity().wireName());
        m.put("opened", r.opened().toString());
        m.put("due", r.due().toString());
        m.put("overdue", r.overdue(now));
        m.put("action", r.action());
        m.put("fixed_firmware", r.fixedFirmware());
        m.put("reason", r.reason());
        m.put("verified_at", r.verifiedAt() == null ? null : r.verifiedAt().toString());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists remediation items (the default).")
    static final class ListItems implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @Mixin ListOptions options;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return list(home, store, options, spec.commandLine().getOut());
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Moves the items of an advisory on a device (all its CVEs, or --cve) to a new state.")
    static final class Set implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "IP") String ip;
        @Parameters(index = "1", paramLabel = "ADVISORY") String advisory;
        @Parameters(index = "2", paramLabel = "STATE",
                description = "acknowledged, in_progress, fixed, risk_accepted, false_positive or open (reopen).") String state;
        @Option(names = "--cve", paramLabel = "CVE", description = "Only this vulnerability of the advisory.") String cve;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required for risk_accepted, false_positive and open).") String reason;
        @Option(names = "--json", description = "Print the items as they are now, one JSON object each.") boolean json;

        @Override
        public Integer call() {
            return store.run(home, s -> {
                List<Remediation> now = new Remediations(s, Clock.systemUTC(), FirmwareLineOrder.shipped())
                        .set(ip, advisory, cve, RemediationState.fromWire(state), reason);
                print(spec.commandLine().getOut(), now, json);
            });
        }
    }
}
