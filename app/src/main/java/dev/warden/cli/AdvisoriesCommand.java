package dev.warden.cli;

import dev.warden.advise.ingest.CsafSchema;
import dev.warden.advise.ingest.IngestException;
import dev.warden.advise.ingest.IngestLimits;
import dev.warden.advise.ingest.ShippedAdvisories;
import dev.warden.advise.ingest.Source;
import dev.warden.advise.service.AdvisoryService;
import dev.warden.advise.service.ImportResult;
import dev.warden.home.WardenHome;
import dev.warden.store.Store;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden advisories import|list|show|review}: security advisories in, and what Warden holds of them. */
@Command(name = "advisories", mixinStandardHelpOptions = true,
        description = {"Imports CSAF 2.0 security advisories and shows what Warden holds: the revisions, the",
            "devices each one affects, and what needs a person's review."},
        subcommands = {AdvisoriesCommand.Import.class, AdvisoriesCommand.ListAdvisories.class,
            AdvisoriesCommand.Show.class, AdvisoriesCommand.Review.class})
final class AdvisoriesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (import, list, show, review)");
    }

    /** The options every subcommand shares: home, database, JSON output. */
    static class Common {
        // Shared by the subcommands through inheritance, so each has --home, --db and --json.
        @Mixin
        HomeOption home;

        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB. Default: $WARDEN_DB, else SQLite at <home>/warden.db.")
        String db;

        @Option(names = "--json", description = "Machine output: one JSON object per line.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        WardenHome openedHome;

        Store open() {
            openedHome = home.open();
            try {
                return Store.open(openedHome, db);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }

        AdvisoryOutput output() {
            return new AdvisoryOutput(spec.commandLine().getOut(), json);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Imports CSAF 2.0 documents from files, directories (every *.json, recursively) and",
                "providers (the URL of a provider-metadata.json: its ROLIE feeds, else its directory index).",
                "Each document is validated (schema, mandatory tests, size, nesting, UTF-8), stored with every",
                "earlier revision, and matched against the inventory in one transaction; a rejected document",
                "changes nothing. New matches open remediation items and queue the owners' notifications",
                "(delivered by warden notify). Exit code 3 when any document was rejected."})
    static final class Import extends Common implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "FILE|DIR|URL", description = "Where the advisories are.")
        List<String> sources = new ArrayList<>();

        @Option(names = "--shipped", description = "Also import Warden's own advisories (shipped with it, CSAF like any other).")
        boolean shipped;

        @Option(names = "--kev", paramLabel = "FILE|URL",
                description = "Also import the CISA Known Exploited Vulnerabilities catalog (JSON), joined by CVE.")
        String kev;

        @Option(names = "--schema", paramLabel = "DIR",
                description = "Directory with csaf_json_schema.json and cvss-v2.0/v3.0/v3.1.json. Default: $"
                        + CsafSchema.ENV + ", else <home>/schema/csaf.")
        Path schema;

        @Option(names = "--allow-host", paramLabel = "HOST", split = ",",
                description = "Hosts documents may also be fetched from, beyond those of the URLs given (a provider's feeds or documents elsewhere).")
        List<String> allowHosts = new ArrayList<>();

        @Override
        public Integer call() {
            if (sources.isEmpty() && kev == null && !shipped) {
                throw new CommandLine.ParameterException(spec.commandLine(), "name at least one FILE, DIR or URL, or --shipped or --kev");
            }
            List<Source> parsed = new ArrayList<>();
            if (shipped) {
                parsed.add(ShippedAdvisories.source());
            }
            Set<String> hosts = new HashSet<>();
            allowHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
            for (String s : sources) {
                Source src;
                try {
                    src = Source.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage());
                }
                parsed.add(src);
                if (src instanceof Source.Provider p && p.metadata().getHost() != null) {
                    hosts.add(p.metadata().getHost().toLowerCase(Locale.ROOT));
                }
            }
            if (kev != null && kev.matches("(?i)https?://.*")) {
                hosts.add(String.valueOf(URI.create(kev).getHost()).toLowerCase(Locale.ROOT));
            }
            try (Store store = open()) {
                AdvisoryService service = Scans.advisories(store, IngestLimits.load(), schema());
                AdvisoryOutput view = output();
                Predicate<URI> allowed = u -> u.getHost() != null
                        && hosts.contains(u.getHost().toLowerCase(Locale.ROOT));
                if (kev != null) {
                    try {
                        view.kev(service.importKev(kev, allowed), kev);
                    } catch (IngestException e) {
                        throw new BadInputException(e.getMessage());
                    }
                }
                if (parsed.isEmpty()) {
                    return ExitCode.OK;
                }
                ImportResult r = service.importFrom(parsed, allowed);
                view.imported(r);
                return r.rejected().isEmpty() ? ExitCode.OK : ExitCode.BAD_CONFIG;
            }
        }

        private CsafSchema schema() {
            Path dir = schema;
            if (dir == null && System.getenv(CsafSchema.ENV) != null && !System.getenv(CsafSchema.ENV).isBlank()) {
                dir = Path.of(System.getenv(CsafSchema.ENV));
            }
            boolean explicit = dir != null;
            if (dir == null) {
                dir = openedHome.root().resolve("schema").resolve("csaf");
            }
            if (!explicit && !Files.isDirectory(dir)) {
                return null;
            }
            try {
                return CsafSchema.load(dir);
            } catch (IngestException e) {
                throw new BadInputException(e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the advisories in force: id, revision, release, severity, CVEs, devices affected, open review items.")
    static final class ListAdvisories extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Store store = open()) {
                output().list(new AdvisoryService(store).list());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows one advisory: its revisions, vulnerabilities (with KEV flags), products, matches and review items.")
    static final class Show extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The advisory's tracking id.")
        String id;

        @Override
        public Integer call() {
            try (Store store = open()) {
                output().show(new AdvisoryService(store).show(id));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Lists the open review items: advisory products the matcher could not decide (an unreadable version range...).")
    static final class Review extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Store store = open()) {
                output().review(new AdvisoryService(store).review());
            }
            return ExitCode.OK;
        }
    }
}
