package dev.officeflow.graphsim.delta;

import java.time.Instant;

/**
 * Where a delta round stands, carried (encoded) in its links. A round returns the changes numbered
 * in {@code (from, to]}; {@code cursorVersion}/{@code cursorId} mark the last entry already paged.
 * A delta token is a finished round: the next round starts at its {@code to}.
 *
 * @param epoch the account's token epoch when issued; the admin API bumps it to expire every token
 */
public record DeltaState(
    String accountId,
    String resource,
    long from,
    long to,
    long cursorVersion,
    String cursorId,
    Instant issued,
    long epoch,
    DeltaParams params) {

  /** A round that starts after this one's changes: what a delta token stands for. */
  DeltaState finished(Instant now) {
    return new DeltaState(accountId, resource, to, to, 0, "", now, epoch, params);
  }

  /** This round, continued after the entry {@code (version, id)}. */
  DeltaState after(long version, String id, Instant now) {
    return new DeltaState(accountId, resource, from, to, version, id, now, epoch, params);
  }

  /** The next round from this finished one, up to the change numbered {@code newTo}. */
  DeltaState nextRound(long newTo) {
    return new DeltaState(accountId, resource, to, newTo, 0, "", issued, epoch, params);
  }
}
