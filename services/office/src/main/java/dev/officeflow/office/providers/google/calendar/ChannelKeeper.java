package dev.officeflow.office.providers.google.calendar;

import com.google.api.services.calendar.model.Channel;
import dev.officeflow.office.providers.google.calendar.ChannelStore.StoredChannel;
import dev.officeflow.office.streaming.StopFailures;
import dev.officeflow.office.streaming.StreamingMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Keeps one live {@code events.watch} channel per streamed calendar: opens the first, replaces a
 * channel before it expires (the old one is stopped after an overlap, so no change goes unnoticed
 * in between; duplicate notifications are harmless) and stops channels when streaming ends.
 */
final class ChannelKeeper {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelKeeper.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SyncStore syncStore;
  private final ChannelStore channels;
  private final CalendarCalls calls;
  private final StreamingMetrics metrics;
  private final CalendarStreamingSettings settings;
  private final Clock clock;
  private final String instanceId;

  ChannelKeeper(
      SyncStore syncStore,
      ChannelStore channels,
      CalendarCalls calls,
      StreamingMetrics metrics,
      CalendarStreamingSettings settings,
      Clock clock,
      String instanceId) {
    this.syncStore = syncStore;
    this.channels = channels;
    this.calls = calls;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.instanceId = instanceId;
  }

  /**
   * Opens a channel for {@code key} unless it has an opened one past the renewal horizon, under the
   * calendar's channel lease so that two instances never open one each (when another instance holds
   * it, nothing happens). Fails when Google refused the channel, after releasing the lease, so the
   * streaming reconciler backs off.
   */
  Mono<Void> ensure(CalendarKey key) {
    String owner = instanceId + ":" + UUID.randomUUID();
    Instant horizon = clock.instant().plus(settings.renewBefore());
    Mono<Void> release = Mono.defer(() -> syncStore.releaseChannel(key, owner)).then();
    return syncStore
        .claimChannel(key, owner, settings.lease())
        .filter(claimed -> claimed)
        .flatMap(
            claimed ->
                channels
                    .hasOpen(key, horizon)
                    .filter(open -> !open)
                    .flatMap(missing -> open(key))
                    .then(release)
                    .onErrorResume(
                        e -> {
                          LOG.warn("calendar {}: could not open a channel: {}", key, e.toString());
                          return release.then(Mono.error(e));
                        }));
  }

  private Mono<Void> open(CalendarKey key) {
    String id = UUID.randomUUID().toString();
    String token = secret();
    Instant now = clock.instant();
    Instant expiration = now.plus(settings.channelLifetime());
    Channel request =
        new Channel()
            .setId(id)
            .setType("web_hook")
            .setAddress(settings.webhookAddress())
            .setToken(token)
            .setExpiration(expiration.toEpochMilli());
    StoredChannel row = new StoredChannel(id, key, null, sha256(token), expiration);
    return channels
        .insert(row)
        .then(calls.open(key))
        .flatMap(session -> calls.watch(session, key.calendarId(), request))
        .onErrorResume(e -> channels.delete(id).then(Mono.error(e)))
        .flatMap(answer -> channels.opened(id, answer.getResourceId(), granted(answer, expiration)))
        .then(channels.retireOthers(key, id, now.plus(settings.overlap())))
        .doOnNext(
            replaced -> {
              if (replaced > 0) {
                metrics.renewals.increment(replaced);
              }
            })
        .then();
  }

  /** Stops a channel at Google; a channel Google no longer knows (expired) is fine. */
  Mono<Void> stop(StoredChannel channel) {
    if (channel.resourceId() == null) {
      return Mono.empty();
    }
    return calls
        .open(channel.calendar())
        .flatMap(s -> calls.stop(s, channel.channelId(), channel.resourceId()))
        .onErrorResume(
            e -> {
              LOG.info("channel {}: stop failed: {}", channel.channelId(), e.toString());
              return Mono.empty();
            });
  }

  /** Stops the channels of one calendar (no longer selected). */
  Mono<Void> stopCalendar(CalendarKey key) {
    return channels.takeCalendar(key).concatMap(this::stop).then();
  }

  /** Stops every channel of {@code userId} (of {@code provider} when given). */
  Mono<Void> stopAll(String userId, Optional<String> provider) {
    return channels.takeAll(userId, provider).concatMap(this::stop).then();
  }

  /**
   * A deleted user's purge: each channel is stopped at Google and only then forgotten, so one whose
   * stop fails keeps its row for the retry; every channel is tried even when one fails, and the
   * result fails if any did. Gone at Google, or no grant left to stop it with, counts as stopped
   * ({@link StopFailures}). A channel Google never answered for has no resource id and cannot be
   * stopped: it is forgotten.
   */
  Mono<Void> stopForPurge(String userId) {
    return channels
        .findAll(userId)
        .concatMapDelayError(c -> stopOrGone(c).then(channels.delete(c.channelId())))
        .then();
  }

  private Mono<Void> stopOrGone(StoredChannel channel) {
    if (channel.resourceId() == null) {
      return Mono.empty();
    }
    return calls
        .open(channel.calendar())
        .flatMap(s -> calls.stop(s, channel.channelId(), channel.resourceId()))
        .onErrorResume(
            StopFailures::nothingLeftToStop,
            e -> {
              LOG.info(
                  "channel {}: left to lapse, nothing can stop it: {}",
                  channel.channelId(),
                  e.toString());
              return Mono.empty();
            });
  }

  /** Stops the channels whose overlap with their replacement is over. */
  Mono<Void> stopRetired() {
    return channels.takeRetired(clock.instant()).concatMap(this::stop).then();
  }

  private static Instant granted(Channel answer, Instant asked) {
    return answer.getExpiration() == null ? asked : Instant.ofEpochMilli(answer.getExpiration());
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
