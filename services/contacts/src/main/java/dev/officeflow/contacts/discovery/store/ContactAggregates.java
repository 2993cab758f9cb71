package dev.officeflow.contacts.discovery.store;

import dev.officeflow.contacts.discovery.store.AggregateSql.Mode;
import dev.officeflow.contacts.outbox.ContactOutbox;
import dev.officeflow.contacts.vip.VipScoringSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Rebuilds contact aggregates from interactions: for some contacts (after their interactions were
 * replaced or removed), for one user, or for everyone when the settings the decayed sums depend on
 * changed. A contact left without interactions is removed, and a {@code ContactEvent(delete)} for
 * it is written to the outbox in the same statement (when it had been announced).
 */
public final class ContactAggregates {

  private static final Logger log = LoggerFactory.getLogger(ContactAggregates.class);

  private static final String PAIRS =
      "interactions f JOIN unnest(:users::text[], :hashes::text[]) AS p(u, h)"
          + " ON f.user_id = p.u AND f.participant = p.h";

  /** A contact left without interactions vanishes, and is announced as deleted. */
  private static final String DROP_EMPTY_PAIRS =
      ContactOutbox.announcingRemovals(
          """
          DELETE FROM contacts c USING unnest(:users::text[], :hashes::text[]) AS p(u, h)
          WHERE c.user_id = p.u AND c.contact_hash = p.h
            AND NOT EXISTS (SELECT 1 FROM interactions i
                            WHERE i.user_id = p.u AND i.participant = p.h)
          """);

  private static final String DROP_EMPTY_USER =
      ContactOutbox.announcingRemovals(
          """
          DELETE FROM contacts c WHERE c.user_id = :user AND NOT EXISTS
            (SELECT 1 FROM interactions i
             WHERE i.user_id = c.user_id AND i.participant = c.contact_hash)
          """);

  /** Cached candidates of the user are stale now (see V2__contacts_version.sql). */
  private static final String BUMP_USER_VERSION =
      "UPDATE user_state SET contacts_version = nextval('contacts_version_seq')"
          + " WHERE user_id = :user";

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final VipScoringSettings settings;

  public ContactAggregates(
      DatabaseClient db, TransactionalOperator tx, VipScoringSettings settings) {
    this.db = db;
    this.tx = tx;
    this.settings = settings;
  }

  /** Rebuilds the given contacts (parallel arrays); joins the caller's transaction. */
  Mono<Void> rebuild(String[] users, String[] hashes) {
    if (users.length == 0) {
      return Mono.empty();
    }
    return bindSettings(db.sql(AggregateSql.upsert(PAIRS, Mode.REPLACE)))
        .bind("users", users)
        .bind("hashes", hashes)
        .then()
        .then(
            db.sql(DROP_EMPTY_PAIRS)
                .bind("users", users)
                .bind("hashes", hashes)
                .bind("removedBecause", ContactOutbox.NO_INTERACTIONS)
                .then());
  }

  /** Rebuilds every contact of {@code userId}. */
  public Mono<Void> rebuildUser(String userId) {
    Mono<Void> work =
        bindSettings(
                db.sql(AggregateSql.upsert("interactions f WHERE f.user_id = :user", Mode.REPLACE)))
            .bind("user", userId)
            .then()
            .then(
                db.sql(DROP_EMPTY_USER)
                    .bind("user", userId)
                    .bind("removedBecause", ContactOutbox.NO_INTERACTIONS)
                    .then())
            .then(db.sql(BUMP_USER_VERSION).bind("user", userId).then());
    return tx.transactional(work);
  }

  /**
   * Rebuilds everything when the stored decayed sums were computed with other settings (half-life,
   * small-meeting size), then records the current ones.
   */
  public Mono<Boolean> rebuildIfSettingsChanged() {
    String fingerprint = settings.aggregateFingerprint();
    Mono<Boolean> work =
        db.sql("SELECT fingerprint FROM aggregate_settings WHERE id = 1 FOR UPDATE")
            .map((row, meta) -> row.get(0, String.class))
            .one()
            .defaultIfEmpty("")
            .flatMap(stored -> stored.equals(fingerprint) ? Mono.just(false) : rebuildAll(stored));
    return tx.transactional(work);
  }

  private Mono<Boolean> rebuildAll(String stored) {
    String fingerprint = settings.aggregateFingerprint();
    log.info(
        "contact aggregates were computed with '{}', rebuilding with '{}'", stored, fingerprint);
    return bindSettings(db.sql(AggregateSql.upsert("interactions f", Mode.REPLACE)))
        .then()
        .then(
            db.sql(
                    "INSERT INTO aggregate_settings (id, fingerprint) VALUES (1, :fingerprint)"
                        + " ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint")
                .bind("fingerprint", fingerprint)
                .then())
        .then(
            db.sql(
                    "UPDATE user_state SET scoring_fingerprint = 'stale',"
                        + " contacts_version = nextval('contacts_version_seq')")
                .then())
        .thenReturn(true);
  }

  GenericExecuteSpec bindSettings(GenericExecuteSpec spec) {
    return spec.bind("epochSeconds", (double) VipScoringSettings.DECAY_EPOCH.getEpochSecond())
        .bind("halfLifeSeconds", settings.halfLifeSeconds())
        .bind("smallMeeting", settings.smallMeetingMaxPeople());
  }
}
