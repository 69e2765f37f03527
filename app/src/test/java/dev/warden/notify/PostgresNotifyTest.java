package dev.warden.notify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warden.store.Store;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The notification and remediation contract on PostgreSQL when {@code WARDEN_TEST_PG_URL} names a server; skipped
 * otherwise. Each test gets its own schema, dropped afterwards.
 */
class PostgresNotifyTest extends NotifyContract {
    private static final String ENV = "WARDEN_TEST_PG_URL";
    private static final String BASE = System.getenv(ENV);
    private String schema;

    @BeforeAll
    static void needsAServer() {
        assumeTrue(BASE != null && !BASE.isBlank(),
                ENV + " is not set: PostgreSQL notification tests skipped (set it to a jdbc:postgresql:// URL to run them)");
    }

    @Override
    Store openFresh() throws Exception {
        schema = "warden_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return Store.open(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(BASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
