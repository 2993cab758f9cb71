package dev.officeflow.notifier.ticket;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Issues and redeems stream tickets. A ticket is 32 random bytes (base64url); Redis keeps only its
 * SHA-256 under {@code notifier:ticket:<hash>} with the user id and the ticket's lifetime as TTL,
 * so what Redis holds (a dump, a {@code MONITOR}) opens no stream. Redeeming does not consume a
 * ticket: EventSource reconnects by itself with the same URL, and those reconnects must pass until
 * the ticket expires. Thread-safe.
 */
public final class StreamTickets implements AutoCloseable {

  /** 32 bytes of base64url without padding. */
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /**
   * Stores the ticket unless the user holds {@code max} unexpired ones already; a sorted set per
   * user (member: the hash, score: its expiry) counts them and forgets the expired.
   */
  private static final String ISSUE =
      """
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
      if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 0 end
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
      redis.call('PEXPIRE', KEYS[2], ARGV[2])
      return 1
      """;

  /** Deletes every unexpired ticket the user's sorted set names (KEYS: that set). */
  private static final String REVOKE =
      """
      local hashes = redis.call('ZRANGE', KEYS[1], 0, -1)
      for _, hash in ipairs(hashes) do redis.call('DEL', 'notifier:ticket:' .. hash) end
      redis.call('DEL', KEYS[1])
      return #hashes
      """;

  private final StatefulRedisConnection<String, String> connection;
  private final RedisReactiveCommands<String, String> redis;
  private final TicketSettings settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public StreamTickets(RedisClient client, TicketSettings settings, Clock clock) {
    this.connection = client.connect();
    this.redis = connection.reactive();
    this.settings = settings;
    this.clock = clock;
  }

  /** A new ticket of {@code userId}'s; empty when the user holds too many unexpired ones. */
  public Mono<Ticket> issue(String userId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = hash(ticket);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.ttl());
    String[] keys = {key(hash), ticketsOf(userId)};
    String[] args = {
      userId,
      Long.toString(settings.ttl().toMillis()),
      Long.toString(now.toEpochMilli()),
      Long.toString(expiresAt.toEpochMilli()),
      Integer.toString(settings.maxPerUser()),
      hash
    };
    return redis
        .<Long>eval(ISSUE, ScriptOutputType.INTEGER, keys, args)
        .next()
        .filter(stored -> stored == 1L)
        .map(stored -> new Ticket(ticket, expiresAt));
  }

  /**
   * The user a ticket belongs to; empty for a malformed, unknown or expired ticket. The ticket
   * itself is never logged.
   */
  public Mono<String> redeem(String ticket) {
    if (!SHAPE.matcher(ticket).matches()) {
      return Mono.empty();
    }
    return redis.get(key(hash(ticket)));
  }

  /**
   * Revokes every ticket of {@code userId}'s (a deleted user's); the number revoked. Their open
   * streams are closed by the stream's own purge.
   */
  public Mono<Long> revokeAll(String userId) {
    String[] keys = {ticketsOf(userId)};
    return redis.<Long>eval(REVOKE, ScriptOutputType.INTEGER, keys).next();
  }

  private static String ticketsOf(String userId) {
    return "notifier:tickets-of:" + userId;
  }

  private static String key(String hash) {
    return "notifier:ticket:" + hash;
  }

  static String hash(String ticket) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(ticket.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
