package dev.warden.cli;

import dev.warden.home.WardenHome;
import dev.warden.store.Store;
import picocli.CommandLine.Option;

/** {@code --db JDBC_URL}, mixed into every command that reads or writes the store, and the opening of it. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB. Default: $WARDEN_DB, else SQLite at <home>/warden.db.")
    String db;

    /** Work done with the open store. */
    @FunctionalInterface
    interface Work {
        void run(Store store);
    }

    /**
     * Opens the home and the store, runs the work and closes the store. A wrong URL, or an input the work refuses
     * (IllegalArgumentException), is bad input (exit 3).
     */
    int run(HomeOption home, Work work) {
        try (Store s = open(home.open())) {
            work.run(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return ExitCode.OK;
    }

    /** Opens (and migrates) the store; a URL of an unsupported kind is bad input. */
    Store open(WardenHome home) {
        try {
            return Store.open(home, db);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
