package dev.officeflow.office.backfill;

import java.util.Set;
import reactor.core.publisher.Mono;

/** A provider source a job reads (Gmail, Calendar), one step at a time from a cursor. */
interface BackfillSource {

  Phase phase();

  /** The name under which a skip is recorded ({@code gmail}, {@code calendar}). */
  String name();

  /** The scopes of which the credential needs one. */
  Set<String> scopes();

  /** The next step from {@code cursor}, which is not exhausted. */
  Mono<Step> next(RunContext run, Cursor cursor);
}
