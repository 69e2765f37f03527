package dev.warden.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that send traffic: the scope allow-list and the store. */
final class ScanOptions {
    @Option(names = "--scope", paramLabel = "CIDR", split = ",",
            description = "Networks Warden may talk to (allow-list, repeatable or comma-separated). Default: loopback 127.0.0.0/8 only; widen it explicitly for a real network.")
    List<String> scope = new ArrayList<>();

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Store: default $WARDEN_DB, else SQLite in the home (warden.db); e.g. jdbc:postgresql://host/warden?user=u")
    String db;

    List<String> scopeOrDefault() {
        return scope.isEmpty() ? List.of("127.0.0.0/8") : scope;
    }
}
