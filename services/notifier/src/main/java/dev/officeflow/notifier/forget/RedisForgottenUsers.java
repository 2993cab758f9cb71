package dev.officeflow.notifier.forget;

import dev.officeflow.notifier.stream.UserStreams;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The notifier's record of deleted users, in Redis ({@code notifier:{<user>}:forgotten}): with it
 * services-common's JWT check refuses their tokens (401 for a ticket) and the stream route their
 * tickets. Recording a user also drops their buffer and closes their streams on every instance (one
 * script, {@link UserStreams#forget}). Unlike the services with a database, the record expires
 * after {@code remember-for}, by when nothing issued before the deletion is accepted anywhere
 * ({@link ForgetSettings}).
 */
final class RedisForgottenUsers implements ForgottenUsers {

  private final UserStreams streams;
  private final Duration rememberFor;

  RedisForgottenUsers(UserStreams streams, Duration rememberFor) {
    this.streams = streams;
    this.rememberFor = rememberFor;
  }

  @Override
  public Mono<Void> forget(String userId) {
    return streams.forget(userId, rememberFor);
  }

  @Override
  public Mono<Boolean> isForgotten(String userId) {
    return streams.isForgotten(userId);
  }
}
