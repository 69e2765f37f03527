package dev.warden.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one directory that holds all of Warden's state (store, keys, logs): {@code --home DIR}, else
 * {@code $WARDEN_HOME}, else {@code ~/.warden}. Tests and users keep separate worlds by pointing it elsewhere.
 */
public final class WardenHome {
    private final Path root;

    private WardenHome(Path root) {
        this.root = root;
    }

    /** Resolves the home from an explicit option (may be null) and the environment. */
    public static WardenHome resolve(Path option, String envValue, String userHome) {
        Path p;
        if (option != null) {
            p = option;
        } else if (envValue != null && !envValue.isBlank()) {
            p = Path.of(envValue);
        } else {
            p = Path.of(userHome, ".warden");
        }
        return new WardenHome(p.toAbsolutePath().normalize());
    }

    public static WardenHome fromEnvironment(Path option) {
        return resolve(option, System.getenv("WARDEN_HOME"), System.getProperty("user.home"));
    }

    /** Creates the directory tree if needed. */
    public WardenHome create() throws IOException {
        Files.createDirectories(logs());
        return this;
    }

    public Path root() {
        return root;
    }

    public Path logs() {
        return root.resolve("logs");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
