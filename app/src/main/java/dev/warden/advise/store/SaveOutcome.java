package dev.warden.advise.store;

/** What storing one revision did. */
public enum SaveOutcome {
    /** The first revision of this advisory: it is now in force. */
    NEW,
    /** A revision not seen before, released no earlier than the one in force: it is now in force. */
    UPDATED,
    /** These exact bytes were imported before: nothing changed. */
    UNCHANGED,
    /** A revision not seen before but older than the one in force: kept in the history only. */
    OLDER
}
