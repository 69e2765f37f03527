package dev.warden.cli;

import dev.warden.owner.Owner;
import dev.warden.owner.Owners;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden owners add|list|assign}: who is told about which devices. */
@Command(name = "owners", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Owners answer for devices and receive their notifications, by email or signed webhook.",
            "Assign an owner to a site (every device in its blocks) or to single addresses (these win over sites)."},
        subcommands = {OwnersCommand.Add.class, OwnersCommand.ListOwners.class, OwnersCommand.Assign.class})
final class OwnersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, list or assign");
    }

    /** The {@code --json} form of an owner: the secret's reference, never the secret. */
    static Map<String, Object> json(Owner o, List<String> assigned) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("email", o.email());
        m.put("webhook_url", o.webhookUrl());
        m.put("webhook_secret_ref", o.webhookSecret());
        m.put("digest", o.digest());
        m.put("assigned", assigned);
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an owner, or replaces one of the same name.")
    static final class Add implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--email", paramLabel = "ADDRESS", description = "Mailbox for notifications.") String email;
        @Option(names = "--webhook", paramLabel = "URL", description = "http(s) URL that receives signed JSON notifications.") String webhook;
        @Option(names = "--webhook-secret", paramLabel = "REF",
                description = "Where the webhook's HMAC secret is kept: env:NAME or file:PATH (the secret itself is never stored).")
        String secret;
        @Option(names = "--digest", description = "One message listing everything pending instead of one per device.") boolean digest;
        @Option(names = "--json", description = "Print the owner as one JSON object.") boolean json;

        @Override
        public Integer call() {
            return store.run(home, s -> {
                Owner o = new Owners(s).addOwner(new Owner(name, email, webhook, secret, digest));
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? JsonLines.write(OwnersCommand.json(o, List.of())) : "owner " + o.name() + " saved");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists owners, their contacts and assignments.")
    static final class ListOwners implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "One JSON object per owner: name, email, webhook_url, webhook_secret_ref, digest, assigned.") boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return store.run(home, s -> {
                Owners owners = new Owners(s);
                List<String[]> assignments = owners.assignments();
                Table t = new Table("OWNER", "EMAIL", "WEBHOOK", "SECRET", "DIGEST", "ASSIGNED");
                for (Owner o : owners.owners()) {
                    List<String> assigned = new ArrayList<>();
                    for (String[] a : assignments) {
                        if (a[0].equals(o.name())) {
                            assigned.add(a[1] + ":" + a[2]);
                        }
                    }
                    if (json) {
                        out.println(JsonLines.write(OwnersCommand.json(o, assigned)));
                    } else {
                        t.row(o.name(), dash(o.email()), dash(o.webhookUrl()), dash(o.webhookSecret()), o.digest() ? "yes" : "no",
                                assigned.isEmpty() ? "-" : String.join(",", assigned));
                    }
                }
                if (!json) {
                    t.print(out);
                }
            });
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true, description = "Makes an owner answer for sites or addresses.")
    static final class Assign implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "OWNER") String owner;
        @Option(names = "--site", paramLabel = "SITE", description = "A site (repeatable).") List<String> sites = new ArrayList<>();
        @Option(names = "--ip", paramLabel = "ADDRESS", description = "One address (repeatable).") List<String> ips = new ArrayList<>();

        @Override
        public Integer call() {
            if (sites.isEmpty() && ips.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --site or --ip");
            }
            return store.run(home, s -> {
                Owners owners = new Owners(s);
                sites.forEach(site -> owners.assignSite(owner, site));
                ips.forEach(ip -> owners.assignIp(owner, ip));
                spec.commandLine().getOut().println("owner " + owner + " assigned");
            });
        }
    }

    static String dash(String s) {
        return s == null ? "-" : s;
    }
}
