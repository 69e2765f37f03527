package dev.warden.inventory;

import dev.warden.store.PostgresSchema;
import dev.warden.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The inventory contract on PostgreSQL, when {@code WARDEN_TEST_PG_URL} names a server (see {@link PostgresSchema});
 * skipped otherwise. Each test gets its own schema, dropped afterwards.
 */
class PostgresInventoryTest extends InventoryContract {
    private PostgresSchema schema;

    @BeforeAll
    static void needsAServer() {
        PostgresSchema.assumeServer();
    }

    @Override
    Store openFresh() throws Exception {
        schema = PostgresSchema.create();
        return schema.open();
    }

    @AfterEach
    void dropSchema() throws Exception {
        schema.close();
    }
}
