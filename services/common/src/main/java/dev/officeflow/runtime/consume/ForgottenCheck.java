package dev.officeflow.runtime.consume;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.Operation;
import dev.officeflow.events.UserEvent;
import dev.officeflow.runtime.forget.ForgottenUsers;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether an event belongs to a user the service has forgotten, asked of the service's {@link
 * ForgottenUsers}. A forgotten user never comes back, so positive answers are kept here for good
 * and the check costs a map lookup in steady state; negative answers are left to the record, whose
 * own short cache lets a purge recorded by another instance take effect within seconds.
 *
 * <p>The user is the event's {@code user_id} and, when it names another, its {@code
 * metadata.user_id}: either being forgotten is enough. The {@code UserEvent(delete)} that asks for
 * the purge always passes: a redelivered purge must run again, and purges are idempotent.
 */
final class ForgottenCheck {

  /** For services without a record: nobody is forgotten. */
  static final ForgottenCheck NOBODY = new ForgottenCheck(null);

  private static final int MAX_REMEMBERED = 100_000;

  private final @Nullable ForgottenUsers users;
  private final Cache<String, Boolean> known =
      Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

  ForgottenCheck(@Nullable ForgottenUsers users) {
    this.users = users;
  }

  Mono<Boolean> isForgotten(OfficeEvent event) {
    if (users == null || isPurge(event)) {
      return Mono.just(false);
    }
    String userId = event.userId();
    String metadataUser = event.metadata().userId();
    Mono<Boolean> first = isForgotten(users, userId);
    if (metadataUser == null || Objects.equals(metadataUser, userId)) {
      return first;
    }
    return first.flatMap(gone -> gone ? Mono.just(true) : isForgotten(users, metadataUser));
  }

  private Mono<Boolean> isForgotten(ForgottenUsers record, String userId) {
    if (known.getIfPresent(userId) != null) {
      return Mono.just(true);
    }
    return record
        .isForgotten(userId)
        .defaultIfEmpty(false)
        .doOnNext(
            gone -> {
              if (gone) {
                known.put(userId, Boolean.TRUE);
              }
            });
  }

  private static boolean isPurge(OfficeEvent event) {
    return event instanceof UserEvent user && user.operation() == Operation.DELETE;
  }
}
