package dev.warden.notify;

import dev.warden.store.Store;
import dev.warden.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The notification and remediation contract on PostgreSQL, when {@code WARDEN_TEST_PG_URL} names a server. */
class PostgresNotifyTest extends NotifyContract {
    private final TestPostgres pg = new TestPostgres();

    @BeforeAll
    static void needsAServer() {
        TestPostgres.assumeConfigured("notification");
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
