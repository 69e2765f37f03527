package dev.warden.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside one transaction of the {@link Store}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
