package dev.warden.incident;

import dev.warden.store.PostgresSchema;
import dev.warden.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The incidents contract on PostgreSQL when {@code WARDEN_TEST_PG_URL} names a server; skipped otherwise. */
class PostgresIncidentsTest extends IncidentsContract {
    private PostgresSchema schema;

    @BeforeAll
    static void needsAServer() {
        PostgresSchema.assumeServer("incident");
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
