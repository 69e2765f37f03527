package dev.warden.advise.service;

import dev.warden.store.Store;

/** The advisory service contract on SQLite, the default store. */
class SqliteAdvisoryServiceTest extends AdvisoryServiceContract {
    @Override
    Store openFresh() {
        return Store.open("jdbc:sqlite:" + tmp.resolve("warden.db"));
    }
}
