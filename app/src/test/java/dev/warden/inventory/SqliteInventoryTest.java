package dev.warden.inventory;

import dev.warden.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The inventory contract on SQLite, a fresh database file per test. */
class SqliteInventoryTest extends InventoryContract {
    @TempDir
    Path tmp;

    @Override
    Store openFresh() {
        return Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
    }
}
