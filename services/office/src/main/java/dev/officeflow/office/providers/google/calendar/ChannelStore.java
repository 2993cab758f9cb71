package dev.officeflow.office.providers.google.calendar;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code calendar_channels} table: the open {@code events.watch} channels. */
final class ChannelStore {

  /** A channel as stored; the secret token only as its SHA-256. */
  record StoredChannel(
      String channelId,
      CalendarKey calendar,
      @Nullable String resourceId,
      byte[] tokenSha256,
      Instant expiresAt) {}

  private final DatabaseClient db;

  ChannelStore(DatabaseClient db) {
    this.db = db;
  }

  /** Records a channel about to be opened (its resource id comes with Google's answer). */
  Mono<Void> insert(StoredChannel c) {
    return SyncStore.bind(
            db.sql(
                "INSERT INTO calendar_channels (channel_id, user_id, provider, calendar_id,"
                    + " token_sha256, expires_at) VALUES (:id, :user, :provider, :cal, :token,"
                    + " :expires)"),
            c.calendar())
        .bind("id", c.channelId())
        .bind("token", c.tokenSha256())
        .bind("expires", SyncStore.time(c.expiresAt()))
        .then();
  }

  /** Google's answer to the watch: the resource id and the expiration it granted. */
  Mono<Void> opened(String channelId, String resourceId, Instant expiresAt) {
    return db.sql(
            "UPDATE calendar_channels SET resource_id = :resource, expires_at = :expires"
                + " WHERE channel_id = :id")
        .bind("id", channelId)
        .bind("resource", resourceId)
        .bind("expires", SyncStore.time(expiresAt))
        .then();
  }

  Mono<Void> delete(String channelId) {
    return db.sql("DELETE FROM calendar_channels WHERE channel_id = :id")
        .bind("id", channelId)
        .then();
  }

  /**
   * Whether the calendar has a channel Google opened (one whose opening never got an answer does
   * not count), not being replaced, open past {@code after}.
   */
  Mono<Boolean> hasOpen(CalendarKey key, Instant after) {
    return SyncStore.bind(
            db.sql(
                "SELECT count(*) AS n FROM calendar_channels WHERE user_id = :user"
                    + " AND provider = :provider AND calendar_id = :cal AND stop_after IS NULL"
                    + " AND resource_id IS NOT NULL AND expires_at > :after"),
            key)
        .bind("after", SyncStore.time(after))
        .map(row -> Objects.requireNonNull(row.get("n", Long.class)) > 0)
        .one();
  }

  Mono<StoredChannel> find(String channelId) {
    return db.sql("SELECT * FROM calendar_channels WHERE channel_id = :id")
        .bind("id", channelId)
        .map(ChannelStore::channel)
        .one();
  }

  /** Marks the calendar's other open channels to be stopped at {@code stopAfter}; how many. */
  Mono<Long> retireOthers(CalendarKey key, String keep, Instant stopAfter) {
    return SyncStore.bind(
            db.sql(
                "UPDATE calendar_channels SET stop_after = :after WHERE user_id = :user"
                    + " AND provider = :provider AND calendar_id = :cal AND channel_id <> :keep"
                    + " AND stop_after IS NULL"),
            key)
        .bind("after", SyncStore.time(stopAfter))
        .bind("keep", keep)
        .fetch()
        .rowsUpdated();
  }

  /** Removes the channels due to stop; each is returned to exactly one instance, to stop it. */
  Flux<StoredChannel> takeRetired(Instant now) {
    return db.sql("DELETE FROM calendar_channels WHERE stop_after <= :now RETURNING *")
        .bind("now", SyncStore.time(now))
        .map(ChannelStore::channel)
        .all();
  }

  /** Every channel of {@code userId}, left in place: a purge deletes each once it is stopped. */
  Flux<StoredChannel> findAll(String userId) {
    return db.sql("SELECT * FROM calendar_channels WHERE user_id = :user")
        .bind("user", userId)
        .map(ChannelStore::channel)
        .all();
  }

  /** Removes the channels of one calendar, to stop them. */
  Flux<StoredChannel> takeCalendar(CalendarKey key) {
    return SyncStore.bind(
            db.sql(
                "DELETE FROM calendar_channels WHERE user_id = :user AND provider = :provider"
                    + " AND calendar_id = :cal RETURNING *"),
            key)
        .map(ChannelStore::channel)
        .all();
  }

  /** Removes every channel of {@code userId} (of {@code provider} when given), to stop them. */
  Flux<StoredChannel> takeAll(String userId, Optional<String> provider) {
    DatabaseClient.GenericExecuteSpec spec =
        provider.isPresent()
            ? db.sql(
                    "DELETE FROM calendar_channels WHERE user_id = :user AND provider = :provider"
                        + " RETURNING *")
                .bind("provider", provider.get())
            : db.sql("DELETE FROM calendar_channels WHERE user_id = :user RETURNING *");
    return spec.bind("user", userId).map(ChannelStore::channel).all();
  }

  private static StoredChannel channel(Readable row) {
    return new StoredChannel(
        Objects.requireNonNull(row.get("channel_id", String.class)),
        SyncStore.key(row),
        row.get("resource_id", String.class),
        Objects.requireNonNull(row.get("token_sha256", byte[].class)),
        Objects.requireNonNull(row.get("expires_at", OffsetDateTime.class)).toInstant());
  }
}
