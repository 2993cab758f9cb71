package dev.officeflow.notifier.forget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deleted users ({@code officeflow.notifier.forget.*}).
 *
 * @param rememberFor how long a deleted user stays recorded in Redis (default 1 h). It must outlive
 *     every credential of theirs issued before the deletion: a user JWT lives {@code
 *     officeflow.user.session.ttl} (15 min) and is accepted 30 s past its expiry (the check's clock
 *     skew), a stream ticket at most {@code officeflow.notifier.ticket.ttl} (60 s, 1 h at most).
 *     The record is written when the notifier handles the deletion, after the user service stopped
 *     issuing, so every earlier credential has expired before the record does; no later one names
 *     the id (the user service refuses it, and signing in again makes a new user with a new random
 *     id). Bounded rather than forever: the notifier has no database, and Redis should not grow
 *     with every deletion ever. At least 16 min; raise it with the user service's token lifetime.
 */
@ConfigurationProperties("officeflow.notifier.forget")
public record ForgetSettings(@DefaultValue("1h") Duration rememberFor) {

  /** The user service's default token lifetime, its clock skew, and a margin. */
  static final Duration SHORTEST = Duration.ofMinutes(16);

  public ForgetSettings {
    if (rememberFor.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException(
          "officeflow.notifier.forget.remember-for must be at least 16 min: longer than a user"
              + " JWT lives (officeflow.user.session.ttl, 15 min) plus 30 s of clock skew");
    }
  }
}
