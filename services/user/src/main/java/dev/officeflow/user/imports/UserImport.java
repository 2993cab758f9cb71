package dev.officeflow.user.imports;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.account.User;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.imports.ImportReport.IntegrationResult;
import dev.officeflow.user.imports.ImportReport.Result;
import dev.officeflow.user.integration.ImportedGrant;
import dev.officeflow.user.integration.Integration;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.outbox.EventTransactions;
import dev.officeflow.user.outbox.PendingEvents;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports one user with their integrations in one transaction: all of it or nothing. Creates what
 * is missing and never overwrites: a repeated import finds everything {@code unchanged}, and an
 * integration the service has changed since (a refreshed or rotated token, a revocation) is {@code
 * kept}, since the service's copy is the newer one. An address another user holds, the same id with
 * another address, or a deleted user refuse the whole user.
 */
public class UserImport {

  private final Users users;
  private final Integrations integrations;
  private final IntegrationChanges changes;
  private final EventTransactions transactions;
  private final ForgottenUsers forgotten;
  private final Clock clock;

  UserImport(
      Users users,
      Integrations integrations,
      IntegrationChanges changes,
      EventTransactions transactions,
      ForgottenUsers forgotten,
      Clock clock) {
    this.users = users;
    this.integrations = integrations;
    this.changes = changes;
    this.transactions = transactions;
    this.forgotten = forgotten;
    this.clock = clock;
  }

  /**
   * Imports the user; with {@code announce}, each active integration it creates is announced
   * ({@code IntegrationEvent(create)}), which makes the office backfill it.
   */
  public Mono<ImportReport> importUser(ImportedUser user, boolean announce) {
    return forgotten
        .isForgotten(user.id())
        .flatMap(
            gone ->
                gone
                    ? Mono.error(deleted(user.id()))
                    : transactions.run(events -> importAll(user, announce, events)));
  }

  private Mono<ImportReport> importAll(ImportedUser user, boolean announce, PendingEvents events) {
    return userResult(user)
        .flatMap(
            result ->
                Flux.fromIterable(user.integrations())
                    .concatMap(grant -> integration(user.id(), grant, announce, events))
                    .collectList()
                    .map(done -> new ImportReport(user.id(), result, done)));
  }

  private Mono<Result> userResult(ImportedUser user) {
    return users
        .find(user.id())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            existing -> {
              if (existing.isPresent()) {
                return sameAddress(existing.get(), user)
                    ? Mono.just(Result.UNCHANGED)
                    : Mono.error(idTaken(existing.get()));
              }
              return users
                  .findByEmail(user.email())
                  .flatMap(holder -> Mono.<Result>error(emailTaken(user, holder)))
                  .switchIfEmpty(Mono.defer(() -> create(user)));
            });
  }

  private Mono<Result> create(ImportedUser user) {
    return users
        .create(
            user.id(), user.email(), Optional.ofNullable(user.createdAt()).orElse(clock.instant()))
        .map(created -> Result.CREATED)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ApiException(
                        HttpStatus.CONFLICT,
                        "conflict",
                        "user "
                            + user.id()
                            + " or their address was created meanwhile; import"
                            + " again",
                        Map.of("user_id", user.id()))));
  }

  private Mono<IntegrationResult> integration(
      String userId, ImportedGrant grant, boolean announce, PendingEvents events) {
    return integrations
        .find(userId, grant.provider())
        .flatMap(existing -> compare(existing, grant))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    changes
                        .imported(userId, grant, announce, events)
                        .map(
                            created ->
                                new IntegrationResult(
                                    created.provider(),
                                    created.id().toString(),
                                    Result.CREATED,
                                    announce && created.status() == IntegrationStatus.ACTIVE))));
  }

  private Mono<IntegrationResult> compare(Integration existing, ImportedGrant grant) {
    return integrations
        .tokens(existing)
        .map(Optional::of)
        .defaultIfEmpty(Optional.<ProviderTokens>empty())
        .map(
            stored ->
                new IntegrationResult(
                    existing.provider(),
                    existing.id().toString(),
                    grant.sameAs(existing, stored.orElse(null)) ? Result.UNCHANGED : Result.KEPT,
                    false));
  }

  private static boolean sameAddress(User existing, ImportedUser user) {
    return existing.email().equals(Users.normalized(user.email()));
  }

  private static ApiException emailTaken(ImportedUser user, User holder) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "email_in_use",
        "the address of user "
            + user.id()
            + " belongs to user "
            + holder.id()
            + " here; nothing was imported",
        Map.of("user_id", user.id(), "existing_user_id", holder.id(), "email", holder.email()));
  }

  private static ApiException idTaken(User existing) {
    return new ApiException(
        HttpStatus.CONFLICT,
        "user_conflict",
        "user " + existing.id() + " exists here with another address; nothing was imported",
        Map.of("user_id", existing.id(), "existing_email", existing.email()));
  }

  private static ApiException deleted(String userId) {
    return new ApiException(
        HttpStatus.GONE,
        "user_forgotten",
        "user " + userId + " was deleted here; an import does not bring them back",
        Map.of("user_id", userId));
  }
}
