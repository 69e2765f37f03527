package dev.warden.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL store for tests when {@code WARDEN_TEST_PG_URL} names a server (a JDBC URL with user and password,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/warden?user=warden&password=...}): each {@link #open} makes a fresh
 * schema, {@link #drop} removes it. Tests call {@link #assumeConfigured} first, so they are skipped without a server.
 */
public final class TestPostgres {
    public static final String ENV = "WARDEN_TEST_PG_URL";
    private static final String BASE = System.getenv(ENV);
    private String schema;

    /** Skips the calling test class when no server is configured. */
    public static void assumeConfigured(String what) {
        assumeTrue(BASE != null && !BASE.isBlank(),
                ENV + " is not set: PostgreSQL " + what + " tests skipped (set it to a jdbc:postgresql:// URL to run them)");
    }

    /** A store on a new, empty schema. */
    public Store open() throws Exception {
        schema = "warden_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return Store.open(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** Drops the schema the last {@link #open} made. */
    public void drop() throws Exception {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(BASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
