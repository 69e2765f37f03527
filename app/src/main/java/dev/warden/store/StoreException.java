package dev.warden.store;

/** The store could not be opened, migrated, read or written. The message names the database, never its password. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
