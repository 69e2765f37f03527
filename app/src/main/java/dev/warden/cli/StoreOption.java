package dev.warden.cli;

import dev.warden.home.WardenHome;
import dev.warden.store.Store;
import picocli.CommandLine.Option;

/** {@code --db JDBC_URL}, mixed into every command that reads or writes the store, and the opening of it. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB. Default: $WARDEN_DB, else SQLite at <home>/warden.db.")
    String db;

    /** Opens (and migrates) the store; a URL of an unsupported kind is bad input. */
    Store open(WardenHome home) {
        try {
            return Store.open(home, db);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
