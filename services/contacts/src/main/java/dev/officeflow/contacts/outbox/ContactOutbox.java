package dev.officeflow.contacts.outbox;

import dev.officeflow.contacts.address.AddressSealer;
import dev.officeflow.contacts.outbox.store.OutboxStore;
import java.util.List;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where discovery writes contact events: in its own transaction, beside the change they announce
 * (so a rolled-back change announces nothing, and a committed one is announced even if this
 * instance dies before publishing). Thread-safe.
 */
public final class ContactOutbox {

  /** Why a contact was removed, in its delete event's {@code removed_because} tag. */
  public static final String NO_INTERACTIONS = "no_interactions";

  /** The contact's address turned out to be one of the user's own. */
  public static final String OWN_ADDRESS = "own_address";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OutboxStore store;
  private final AddressSealer sealer;
  private final Runnable relay;

  ContactOutbox(OutboxStore store, AddressSealer sealer, Runnable relay) {
    this.store = store;
    this.sealer = sealer;
    this.relay = relay;
  }

  /**
   * {@code delete} (a {@code DELETE FROM contacts c ...} without {@code RETURNING}) as one
   * statement that also writes a {@code ContactEvent(delete)} for every contact it removes that had
   * been announced. Bind {@code :removedBecause} ({@link #NO_INTERACTIONS}, {@link #OWN_ADDRESS}).
   */
  public static String announcingRemovals(String delete) {
    return OutboxStore.announcingRemovals(delete);
  }

  /** Writes {@code announcements} in the caller's transaction. */
  public Mono<Void> announce(List<Announcement> announcements) {
    return Mono.defer(
        () ->
            store.append(
                announcements.stream()
                    .map(
                        a ->
                            new OutboxStore.NewRow(
                                a.userId(),
                                a.contactHash(),
                                a.operation().wire(),
                                a.provider(),
                                a.syncType().wire(),
                                a.displayName(),
                                sealer.seal(a.userId(), a.contactHash(), a.address()),
                                JSON.writeValueAsString(a.tags())))
                    .toList()));
  }

  /** Tells the relay that rows were committed, so it publishes them now rather than at its poll. */
  public void committed() {
    relay.run();
  }
}
