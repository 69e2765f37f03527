package dev.warden.cli;

import dev.warden.owner.Owners;
import dev.warden.owner.Site;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden sites add|list}: named network blocks that owners are assigned to. */
@Command(name = "sites", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sites are named IPv4 blocks; an owner assigned to a site answers for every device in them.",
        subcommands = {SitesCommand.Add.class, SitesCommand.ListSites.class})
final class SitesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add or list");
    }

    static Map<String, Object> json(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("cidrs", s.cidrs());
        return m;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a site, or replaces one of the same name.")
    static final class Add implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CIDR", description = "Blocks such as 127.77.180.0/24.") List<String> cidrs;
        @Option(names = "--json", description = "Print the site as one JSON object: name, cidrs.") boolean json;

        @Override
        public Integer call() {
            return store.run(home, s -> {
                Site site = new Owners(s).addSite(name, cidrs);
                spec.commandLine().getOut().println(json ? JsonLines.write(SitesCommand.json(site)) : "site " + site.name() + " saved");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the sites.")
    static final class ListSites implements Callable<Integer> {
        @Mixin HomeOption home;
        @Mixin StoreOption store;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Option(names = "--json", description = "One JSON object per site: name, cidrs.") boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return store.run(home, s -> {
                Table t = new Table("SITE", "BLOCKS");
                for (Site site : new Owners(s).sites()) {
                    if (json) {
                        out.println(JsonLines.write(SitesCommand.json(site)));
                    } else {
                        t.row(site.name(), String.join(",", site.cidrs()));
                    }
                }
                if (!json) {
                    t.print(out);
                }
            });
        }
    }
}
