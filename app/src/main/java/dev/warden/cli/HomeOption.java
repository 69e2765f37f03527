package dev.warden.cli;

import dev.warden.home.WardenHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home DIR}, mixed into every command. */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Warden's state directory (store, keys, logs). Default: $WARDEN_HOME, else ~/.warden.")
    Path home;

    /** Resolves and creates the home, and points logging at it. Call before the first logger is made. */
    public WardenHome open() {
        WardenHome h = WardenHome.fromEnvironment(home);
        try {
            h.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Warden's home " + h + ": " + e.getMessage(), e);
        }
        System.setProperty("warden.home", h.root().toString());
        return h;
    }
}
