package dev.warden.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.warden.home.WardenHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Warden's database: SQLite at {@code $WARDEN_HOME/warden.db} unless a PostgreSQL JDBC URL is given
 * ({@code --db} or {@code $WARDEN_DB}). Opening it applies any pending Flyway migrations from {@code db/migration},
 * so every caller sees the current schema. All access goes through {@link #transaction}: one connection, one
 * transaction, committed when the work returns and rolled back when it throws.
 *
 * <p>SQLite runs with a pool of one connection (it has one writer anyway) in WAL mode, so readers in other processes
 * are not blocked by a scan being recorded.
 */
public final class Store implements AutoCloseable {
    /** The environment variable that names a JDBC URL when {@code --db} is not given. */
    public static final String ENV = "WARDEN_DB";
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private final HikariDataSource pool;
    private final String display;

    private Store(HikariDataSource pool, String display) {
        this.pool = pool;
        this.display = display;
    }

    /** Opens the store named by {@code jdbcUrl}, else by {@code $WARDEN_DB}, else SQLite in the home. */
    public static Store open(WardenHome home, String jdbcUrl) {
        return open(url(home, jdbcUrl, System.getenv(ENV)));
    }

    /** The JDBC URL to use: the option, else the environment value, else {@code jdbc:sqlite:<home>/warden.db}. */
    public static String url(WardenHome home, String option, String envValue) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        if (envValue != null && !envValue.isBlank()) {
            return envValue.strip();
        }
        return SQLITE + home.root().resolve("warden.db");
    }

    /**
     * Opens a {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...} store and migrates it.
     *
     * @throws IllegalArgumentException for any other kind of URL
     * @throws StoreException           when the database cannot be reached or migrated
     */
    public static Store open(String jdbcUrl) {
        String display = redact(jdbcUrl);
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("warden-store");
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setConnectionTimeout(10_000);
        if (jdbcUrl.startsWith(SQLITE)) {
            createParent(jdbcUrl.substring(SQLITE.length()), display);
            cfg.setDriverClassName("org.sqlite.JDBC");
            cfg.setMaximumPoolSize(1);
            cfg.addDataSourceProperty("journal_mode", "WAL");
            cfg.addDataSourceProperty("synchronous", "NORMAL");
            cfg.addDataSourceProperty("busy_timeout", "10000");
        } else if (jdbcUrl.startsWith(POSTGRESQL)) {
            cfg.setDriverClassName("org.postgresql.Driver");
            cfg.setMaximumPoolSize(4);
        } else {
            throw new IllegalArgumentException("unsupported database URL '" + display
                    + "' (expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("cannot open the store " + display + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot migrate the store " + display + ": " + rootMessage(e), e);
        }
        return new Store(pool, display);
    }

    /** Runs the work in one transaction and returns its result. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store " + display + ": " + e.getMessage(), e);
        }
    }

    /** The database as it may be shown: the JDBC URL without any password. */
    @Override
    public String toString() {
        return display;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Hides the value of any {@code password=} parameter and any user:password@ part of a JDBC URL. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    private static void createParent(String file, String display) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file.split("\\?", 2)[0]).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of the store " + display + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
