package dev.warden.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL server that {@code WARDEN_TEST_PG_URL} names (a JDBC URL with user and password,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/warden?user=warden&password=...}), for the store tests that run on
 * PostgreSQL too; {@link #assumeServer} skips them when the variable is not set.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String ENV = "WARDEN_TEST_PG_URL";
    private static final String BASE = System.getenv(ENV);

    private final String name = "warden_test_" + UUID.randomUUID().toString().replace("-", "");

    /** Skips the calling test class unless a server is named. */
    public static void assumeServer() {
        assumeTrue(BASE != null && !BASE.isBlank(),
                ENV + " is not set: PostgreSQL store tests skipped (set it to a jdbc:postgresql:// URL to run them)");
    }

    /** Creates the schema. */
    public static PostgresSchema create() throws SQLException {
        PostgresSchema s = new PostgresSchema();
        s.execute("CREATE SCHEMA " + s.name);
        return s;
    }

    /** A store on this schema, migrated. */
    public Store open() {
        return Store.open(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
