/**
 * Where Warden keeps what it learns: one SQL database behind {@link dev.warden.store.Store}, SQLite in Warden's home by
 * default, PostgreSQL when given a JDBC URL, migrated by Flyway from {@code db/migration}. The domain (inventory,
 * findings) lives in {@code dev.warden.inventory}; this package knows connections, transactions and rows only.
 */
package dev.warden.store;
