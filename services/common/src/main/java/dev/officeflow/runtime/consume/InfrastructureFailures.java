package dev.officeflow.runtime.consume;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage of the infrastructure a handler depends on (PostgreSQL, Redis, Vespa, another
 * service) from a failure of the message itself. An outage settles as {@link Outcome#unavailable}:
 * the message is held and retried in place, never dead-lettered, because waiting fixes it and
 * burning its delivery attempts would move live work to a dead-letter topic.
 *
 * <p>Matched by class name along the cause chain and each class's superclasses, so a service that
 * lacks a library (Lettuce, R2DBC, WebClient) pays nothing for its entry. A service whose own
 * client reports outages otherwise throws {@link DependencyUnavailableException} or returns {@link
 * Outcome#unavailable} itself, deciding HTTP statuses with {@link #isOutageStatus(int)}.
 */
public final class InfrastructureFailures {

  private static final int MAX_DEPTH = 12;

  /** Failures that say "the other side is not there (yet)", whatever the operation was. */
  private static final Set<String> OUTAGES =
      Set.of(
          "java.net.ConnectException",
          "java.net.NoRouteToHostException",
          "java.net.SocketException",
          "java.net.SocketTimeoutException",
          "java.net.UnknownHostException",
          "java.nio.channels.ClosedChannelException",
          "java.util.concurrent.TimeoutException",
          "io.netty.channel.ConnectTimeoutException",
          "io.netty.handler.timeout.TimeoutException",
          "io.netty.channel.unix.Errors$NativeIoException",
          "io.r2dbc.spi.R2dbcTransientResourceException",
          "io.r2dbc.spi.R2dbcNonTransientResourceException",
          "io.r2dbc.spi.R2dbcTimeoutException",
          "io.r2dbc.pool.PoolAcquireTimeoutException",
          "reactor.pool.PoolAcquireTimeoutException",
          "org.springframework.dao.DataAccessResourceFailureException",
          "org.springframework.dao.TransientDataAccessResourceException",
          "org.springframework.dao.QueryTimeoutException",
          "org.springframework.transaction.CannotCreateTransactionException",
          "org.springframework.web.reactive.function.client.WebClientRequestException",
          "io.lettuce.core.RedisConnectionException",
          "io.lettuce.core.RedisCommandTimeoutException",
          DependencyUnavailableException.class.getName());

  /**
   * SQLSTATE classes of a database that is down or refusing work: 08 connection exception, 53
   * insufficient resources (too many connections), 57P operator intervention (shutdown, restart).
   */
  private static final Set<String> OUTAGE_SQL_STATES = Set.of("08", "53", "57P");

  private InfrastructureFailures() {}

  /** Whether {@code error}, or anything that caused it, is an outage of a dependency. */
  public static boolean isOutage(Throwable error) {
    Throwable t = error;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
      if (isOutageType(t.getClass()) || outageSqlState(t)) {
        return true;
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return false;
  }

  /**
   * Whether an HTTP answer says the dependency is unavailable rather than the request wrong: no
   * response at all (0), 429 (overloaded: back off), 502, 503, 504 and Vespa's 507 (feeding blocked
   * while its disks or memory are full).
   */
  public static boolean isOutageStatus(int status) {
    return status == 0
        || status == 429
        || status == 502
        || status == 503
        || status == 504
        || status == 507;
  }

  private static boolean isOutageType(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (OUTAGES.contains(c.getName()) || c == TimeoutException.class) {
        return true;
      }
    }
    return false;
  }

  /** An R2DBC exception's SQLSTATE, read without a compile-time dependency on R2DBC. */
  private static boolean outageSqlState(Throwable t) {
    if (!t.getClass().getName().startsWith("io.r2dbc.")) {
      return false;
    }
    try {
      Method sqlState = t.getClass().getMethod("getSqlState");
      Object state = sqlState.invoke(t);
      return state instanceof String s && OUTAGE_SQL_STATES.stream().anyMatch(s::startsWith);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
