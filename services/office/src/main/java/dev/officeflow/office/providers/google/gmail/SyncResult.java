package dev.officeflow.office.providers.google.gmail;

/**
 * How one history read of a user ended.
 *
 * @param mailboxHistoryId the mailbox's history id Gmail reported (everything up to it is now
 *     published), when {@code kind} is {@code SYNCED}
 */
record SyncResult(Kind kind, long mailboxHistoryId) {

  enum Kind {
    /** Read and published up to {@code mailboxHistoryId}. */
    SYNCED,
    /** The history id had expired: a full resync is running instead. */
    RESYNCING,
    /** The user's mailbox is not (or no longer) watched. */
    NOT_WATCHED
  }

  static SyncResult synced(long historyId) {
    return new SyncResult(Kind.SYNCED, historyId);
  }

  static SyncResult resyncing() {
    return new SyncResult(Kind.RESYNCING, 0);
  }

  static SyncResult notWatched() {
    return new SyncResult(Kind.NOT_WATCHED, 0);
  }
}
