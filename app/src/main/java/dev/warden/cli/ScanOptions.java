package dev.warden.cli;

import dev.warden.scope.Scope;
import dev.warden.scope.Targets;
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

    /** The allow-list: {@code --scope}, or loopback only. A bad block is a bad input (exit 3). */
    Scope allowList() {
        try {
            return Scope.parse(scope.isEmpty() ? List.of("127.0.0.0/8") : scope);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** The targets, refused as a whole (nothing sent) when any lies outside the allow-list. */
    static Targets targets(List<String> specs, Scope allowList) {
        try {
            Targets t = Targets.parse(specs);
            allowList.check(t);
            return t;
        } catch (IllegalArgumentException e) { // TargetException and ScopeException included
            throw new BadInputException(e.getMessage());
        }
    }
}
