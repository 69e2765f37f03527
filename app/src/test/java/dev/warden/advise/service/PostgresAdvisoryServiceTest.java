package dev.warden.advise.service;

import dev.warden.store.PostgresSchema;
import dev.warden.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The advisory service contract on PostgreSQL when {@code WARDEN_TEST_PG_URL} names a server; skipped otherwise. */
class PostgresAdvisoryServiceTest extends AdvisoryServiceContract {
    private PostgresSchema schema;

    @BeforeAll
    static void needsAServer() {
        PostgresSchema.assumeServer("advisory");
    }

    @Override
    Store openFresh() throws Exception {
        schema = PostgresSchema.create();
        return schema.open();
    }

    @AfterEach
    void dropSchema() throws Exception {
        close();
        schema.close();
    }
}
