package dev.officeflow.office.providers.microsoft;

import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.backfill.Window;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * A Microsoft source that takes its streaming positions ({@link StreamPositions}) before the step
 * that opens its phase. A step opens the phase when nothing of it is read yet; with windows that is
 * also the start of a later window when the first ones were empty, which {@link StreamPositions}
 * answers from what it stored (taken once per job).
 */
final class PositionedSource implements BackfillSource {

  private final BackfillSource source;
  private final StreamPositions positions;

  PositionedSource(BackfillSource source, StreamPositions positions) {
    this.source = source;
    this.positions = positions;
  }

  @Override
  public String provider() {
    return source.provider();
  }

  @Override
  public Phase phase() {
    return source.phase();
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Set<String> scopes() {
    return source.scopes();
  }

  @Override
  public Optional<Window> span(BackfillJob job) {
    return source.span(job);
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor cursor) {
    if (!opensThePhase(cursor)) {
      return source.next(run, cursor);
    }
    return positions
        .take(run.session(MicrosoftSession.class), run.job().id(), source.phase())
        .then(Mono.defer(() -> source.next(run, cursor)));
  }

  private static boolean opensThePhase(Cursor c) {
    return c.phaseItems() == 0 && c.pageToken() == null && !c.pageLoaded();
  }
}
