package dev.warden.inventory;

import dev.warden.store.Store;
import dev.warden.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The inventory contract on PostgreSQL, when {@code WARDEN_TEST_PG_URL} names a server (see {@link TestPostgres}). */
class PostgresInventoryTest extends InventoryContract {
    private final TestPostgres pg = new TestPostgres();

    @BeforeAll
    static void needsAServer() {
        TestPostgres.assumeConfigured("store");
    }

    @Override
    Store openFresh() throws Exception {
        return pg.open();
    }

    @AfterEach
    void dropSchema() throws Exception {
        pg.drop();
    }
}
