package dev.officeflow.office.backfill;

import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * What a provider adapter reads in a backfill: one phase's source (Gmail's messages, a calendar's
 * events, the address book), a step at a time from a cursor. A provider declares one bean per phase
 * it serves; the job runner owns the order, checkpoints, leases, retries and publishing.
 */
public interface BackfillSource {

  /** The provider whose jobs this source serves ({@code google}). */
  String provider();

  Phase phase();

  /**
   * The source's name: what a skip is recorded under and what the job API shows as the phase
   * ({@code gmail}, {@code calendar}, {@code contacts}).
   */
  String name();

  /** The scopes of which the credential needs one. */
  Set<String> scopes();

  /**
   * The time span of {@code job} this source reads by windows, newest first, skipping what the
   * coverage says was read completely before ({@link RunContext#window()}; its steps claim what
   * they read with {@link Step#covering}); empty (the default) for a source read whole.
   */
  default Optional<Window> span(BackfillJob job) {
    return Optional.empty();
  }

  /** The next step from {@code cursor}, which is not exhausted. */
  Mono<Step> next(RunContext run, Cursor cursor);
}
