package dev.warden.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.home.WardenHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    static final List<String> TABLES = List.of("changes", "devices", "findings", "scan_devices", "scan_services",
            "scans", "services");

    @TempDir
    Path tmp;

    @Test
    void migrationsApplyOnAFreshSqliteFileInTheHome() {
        WardenHome home = WardenHome.resolve(tmp.resolve("home"), null, "/nonexistent");
        String url = Store.url(home, null, null);
        assertThat(url).isEqualTo("jdbc:sqlite:" + tmp.resolve("home").resolve("warden.db"));
        try (Store s = Store.open(url)) {
            assertThat(tables(s)).containsAll(TABLES).contains("flyway_schema_history");
            assertThat(strings(s, "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .contains("1:1", "4:1").allSatisfy(v -> assertThat(v).endsWith(":1"));
            assertThat(strings(s, "PRAGMA journal_mode")).containsExactly("wal");
            s.transaction(c -> Sql.update(c, "INSERT INTO scans (id, seq, kind, started, finished, targets) "
                    + "VALUES ('s1', 1, 'discover', 1, 2, '127.77.240.0/24')"));
        }
        assertThat(tmp.resolve("home/warden.db")).isRegularFile();
        try (Store again = Store.open(url)) {
            assertThat(strings(again, "SELECT id FROM scans"))
                    .containsExactly("s1");
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (Store s = Store.open("jdbc:sqlite:" + tmp.resolve("w.db"))) {
            assertThatThrownBy(() -> s.transaction(c -> {
                Sql.update(c, "INSERT INTO scans (id, seq, kind, started, finished, targets) VALUES ('a', 1, 'discover', 1, 2, 'x')");
                return Sql.update(c, "INSERT INTO scans (id, seq, kind, started, finished, targets) VALUES ('a', 2, 'discover', 1, 2, 'x')");
            })).isInstanceOf(StoreException.class).hasMessageContaining("w.db");
            assertThat(strings(s, "SELECT id FROM scans")).isEmpty();
        }
    }

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheHome() {
        WardenHome home = WardenHome.resolve(tmp, null, "/nonexistent");
        assertThat(Store.url(home, "jdbc:postgresql://127.0.0.1/a", "jdbc:postgresql://127.0.0.1/b"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/a");
        assertThat(Store.url(home, null, "jdbc:postgresql://127.0.0.1/b")).isEqualTo("jdbc:postgresql://127.0.0.1/b");
        assertThat(Store.url(home, " ", "")).startsWith("jdbc:sqlite:").endsWith("warden.db");
    }

    @Test
    void badDatabasesAreOneClearErrorWithoutThePassword() throws Exception {
        assertThatThrownBy(() -> Store.open("jdbc:mysql://127.0.0.1/warden?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database URL").hasMessageContaining("password=****")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.77.240.250:5/warden?user=w&password=hunter2"))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the store")
                .hasMessageNotContaining("hunter2");
        Path garbage = tmp.resolve("garbage.db");
        Files.write(garbage, new byte[8192]);
        Files.writeString(garbage, "this is not a database, just text pretending to be one".repeat(100));
        assertThatThrownBy(() -> Store.open("jdbc:sqlite:" + garbage)).isInstanceOf(StoreException.class)
                .hasMessageContaining("garbage.db");
    }

    @Test
    void urlsAreShownWithoutPasswords() {
        assertThat(Store.redact("jdbc:postgresql://db.local/w?user=warden&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.local/w?user=warden&password=****&ssl=true");
        assertThat(Store.redact("jdbc:postgresql://warden:s3cret@db.local/w")).isEqualTo("jdbc:postgresql://warden:****@db.local/w");
    }

    private static List<String> tables(Store s) {
        return strings(s, "SELECT name FROM sqlite_master WHERE type = 'table'");
    }

    private static List<String> strings(Store s, String sql) {
        return s.transaction(c -> Sql.query(c, sql, rs -> rs.getString(1)));
    }
}
