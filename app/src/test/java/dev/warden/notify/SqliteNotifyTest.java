package dev.warden.notify;

import dev.warden.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The notification and remediation contract on SQLite, a fresh database file per test. */
class SqliteNotifyTest extends NotifyContract {
    @TempDir
    Path tmp;

    @Override
    Store openFresh() {
        return Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
    }
}
