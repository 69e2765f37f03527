package dev.warden.notify;

import dev.warden.store.PostgresSchema;
import dev.warden.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The notification and remediation contract on PostgreSQL, when {@code WARDEN_TEST_PG_URL} names a server. */
class PostgresNotifyTest extends NotifyContract {
    private PostgresSchema schema;

    @BeforeAll
    static void needsAServer() {
        PostgresSchema.assumeServer("notification");
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
