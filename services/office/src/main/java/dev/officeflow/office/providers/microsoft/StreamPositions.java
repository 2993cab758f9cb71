package dev.officeflow.office.providers.microsoft;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Phase;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where Microsoft streaming starts reading a mailbox, taken before a backfill phase reads it (as
 * Gmail's history id is taken before the mail phase): anything that changes while the backfill
 * runs, a message delivered into a window already read or one deleted after it was read, is then in
 * streaming's first delta round. Graph has no "from now" delta token for Outlook resources ({@code
 * $deltatoken=latest} is for directory objects only), so taking a position costs a whole initial
 * delta round of the phase's resources, whose items are published nowhere. Implemented by Microsoft
 * streaming; {@link #NONE} when streaming is off.
 */
public interface StreamPositions {

  /** No streaming: nothing to take. */
  StreamPositions NONE = (session, jobId, phase) -> Mono.empty();

  /**
   * Takes the positions of {@code phase}'s resources for job {@code jobId}, unless the job took
   * them already (a resumed run) or the resource streams already (an older position is always safe:
   * it re-reads more, never less).
   */
  Mono<Void> take(MicrosoftSession session, UUID jobId, Phase phase);

  /** {@code source}, whose phase takes its positions before its first read. */
  static BackfillSource before(BackfillSource source, StreamPositions positions) {
    return positions == NONE ? source : new PositionedSource(source, positions);
  }
}
