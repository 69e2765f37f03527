package dev.warden.incident;

import dev.warden.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The incidents contract on SQLite, the default store. */
class SqliteIncidentsTest extends IncidentsContract {
    @TempDir
    Path tmp;

    @Override
    Store openFresh() {
        return Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
    }
}
