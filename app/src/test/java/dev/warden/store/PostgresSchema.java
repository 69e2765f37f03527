package dev.warden.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema on the PostgreSQL server {@code WARDEN_TEST_PG_URL} names (a JDBC URL with user and password,
 * e.g. {@code jdbc:postgresql://127.0.0.1:5432/warden?user=warden&password=...}), for the store contracts' PostgreSQL
 * runs; dropped on close.
 */
public final class PostgresSchema implements AutoCloseable {
    public static final String ENV = "WARDEN_TEST_PG_URL";
    private static final String BASE = System.getenv(ENV);
    private final String name = "warden_test_" + UUID.randomUUID().toString().replace("-", "");

    private PostgresSchema() throws SQLException {
        execute("CREATE SCHEMA " + name);
    }

    /** Skips the calling test class unless a server is named. */
    public static void assumeServer(String what) {
        assumeTrue(BASE != null && !BASE.isBlank(),
                ENV + " is not set: PostgreSQL " + what + " tests skipped (set it to a jdbc:postgresql:// URL to run them)");
    }

    /** A new empty schema. */
    public static PostgresSchema create() throws SQLException {
        return new PostgresSchema();
    }

    /** A store on this schema, migrated. */
    public Store open() {
        return Store.open(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
