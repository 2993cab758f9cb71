package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.providers.google.GoogleSession;
import reactor.core.publisher.Mono;

/**
 * Where a mailbox's change history stands now (Gmail's {@code users.getProfile} history id). The
 * Gmail phase records it before it lists anything, so streaming can start there and miss nothing
 * that changed while the backfill ran. Implemented by the streaming feature; without it no position
 * is recorded.
 */
public interface MailboxPosition {

  /** Records nothing. */
  MailboxPosition NONE = session -> Mono.empty();

  /** The mailbox's current history id; empty when unknown. */
  Mono<Long> historyId(GoogleSession session);
}
