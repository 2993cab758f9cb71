package dev.officeflow.office.providers.google.contacts;

import com.google.api.services.people.v1.model.Person;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.providers.google.GoogleScopes;
import dev.officeflow.office.providers.google.GoogleSession;
import dev.officeflow.office.providers.google.contacts.PeopleReader.PeoplePage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The address book in a backfill: the saved contacts ({@code connections}), then the other
 * contacts, a page per step, each person a {@code ContactEvent(create)}. The checkpoint's page
 * token says which list and page ({@code connections:<token>}, {@code other_contacts:<token>},
 * {@code end}), so a resumed job reads each page once more at most. The last page of each list
 * carries the list's sync token, and the checkpoint after that page carries it on ({@code
 * other_contacts: connections=<sync token>}): the next step, in this run or a resumed one, stores
 * it, so a token is stored only once its page's events are published, and never lost. Without a
 * contacts scope the runner skips the whole source; without {@code contacts.other.readonly} only
 * the other contacts are skipped, recorded as {@value #OTHER_NAME}.
 */
final class ContactsSource implements BackfillSource {

  static final String NAME = "contacts";
  static final String OTHER_NAME = "contacts.other";
  private static final String END = "end";

  private final PeopleReader reader;
  private final ContactSyncStore store;
  private final Clock clock;

  ContactsSource(PeopleReader reader, ContactSyncStore store, Clock clock) {
    this.reader = reader;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String provider() {
    return GoogleScopes.PROVIDER;
  }

  @Override
  public Phase phase() {
    return Phase.CONTACTS;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> scopes() {
    return GoogleScopes.CONTACTS_READ;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor cursor) {
    Position at = Position.parse(cursor.pageToken());
    return storeCarried(run, at).then(Mono.defer(() -> read(run, cursor, at)));
  }

  private Mono<Step> read(RunContext run, Cursor c, Position at) {
    AddressList list = at.list();
    if (list == null) {
      return Mono.just(Step.nothing(finished(c)));
    }
    if (list == AddressList.OTHER_CONTACTS && !run.session().credential().mayGrant(list.scopes())) {
      return skipOthers(run, c, "missing scope: the grant has none of " + list.scopes());
    }
    return reader
        .list(run.session(GoogleSession.class), list, at.pageToken(), null)
        .map(page -> step(run, c, list, page))
        .onErrorResume(
            e -> list == AddressList.OTHER_CONTACTS && PeopleReader.forbidden(e),
            e -> skipOthers(run, c, String.valueOf(e.getMessage())));
  }

  private Step step(RunContext run, Cursor c, AddressList list, PeoplePage page) {
    BackfillJob job = run.job();
    Instant fallback = job.startedAt() != null ? job.startedAt() : job.createdAt();
    List<OfficeEvent> events = new ArrayList<>();
    int failed = 0;
    int skipped = 0;
    for (Person person : page.people()) {
      Optional<ContactMapper.Mapped> mapped = ContactMapper.map(person, list, fallback);
      if (mapped.isEmpty()) {
        failed++;
      } else if (mapped.get().deleted()) {
        skipped++; // a full listing has no deleted people; nothing to create if one shows up
      } else {
        ContactMapper.Mapped m = mapped.get();
        events.add(run.events().contact(job, run.account(), m.contact(), m.updated()));
      }
    }
    Position next;
    if (page.nextPageToken() != null) {
      next = new Position(list, page.nextPageToken(), null, null);
    } else {
      AddressList after = list == AddressList.CONNECTIONS ? AddressList.OTHER_CONTACTS : null;
      next = new Position(after, null, list, page.nextSyncToken());
    }
    int items = c.phaseItems() + page.people().size();
    return new Step(events, page.people().size(), skipped, failed, cursor(next, items, false));
  }

  /** Stores the sync token the checkpoint carries: its list's last page is published. */
  private Mono<Void> storeCarried(RunContext run, Position at) {
    AddressList list = at.carriedList();
    String token = at.carriedToken();
    if (list == null || token == null) {
      return Mono.empty();
    }
    BackfillJob job = run.job();
    return store.save(job.userId(), job.provider(), list, token, clock.instant());
  }

  /** Records the skip, forgets an earlier grant's cursor of the list, and ends the source. */
  private Mono<Step> skipOthers(RunContext run, Cursor c, String reason) {
    run.skip(OTHER_NAME, reason);
    BackfillJob job = run.job();
    return store
        .forget(job.userId(), Optional.of(job.provider()), Optional.of(AddressList.OTHER_CONTACTS))
        .thenReturn(Step.nothing(finished(c)));
  }

  private static Cursor finished(Cursor c) {
    return cursor(new Position(null, null, null, null), c.phaseItems(), true);
  }

  /**
   * The whole position is the page token the runner checkpoints; "page loaded" stays false so that
   * the checkpoint is exactly that string.
   */
  private static Cursor cursor(Position at, int items, boolean exhausted) {
    return new Cursor(at.format(), null, items, List.of(), null, false, exhausted);
  }

  /**
   * Where the source stands: a list and its page token (null: the first page), or the end (null
   * list); and the sync token of the list finished last, until it is stored.
   */
  record Position(
      @Nullable AddressList list,
      @Nullable String pageToken,
      @Nullable AddressList carriedList,
      @Nullable String carriedToken) {

    /** {@code <list>:<page>} or {@code end}, then {@code " <list>=<sync token>"} while carried. */
    String format() {
      String head = list == null ? END : list.wire() + ":" + (pageToken == null ? "" : pageToken);
      return carriedList == null || carriedToken == null
          ? head
          : head + " " + carriedList.wire() + "=" + carriedToken;
    }

    static Position parse(@Nullable String token) {
      if (token == null) {
        return new Position(AddressList.CONNECTIONS, null, null, null);
      }
      int space = token.indexOf(' ');
      String head = space < 0 ? token : token.substring(0, space);
      AddressList carriedList = null;
      String carriedToken = null;
      if (space >= 0) {
        String carry = token.substring(space + 1);
        int equals = carry.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException("not a contacts checkpoint: " + token);
        }
        carriedList = AddressList.fromWire(carry.substring(0, equals));
        carriedToken = carry.substring(equals + 1);
      }
      if (head.equals(END)) {
        return new Position(null, null, carriedList, carriedToken);
      }
      int colon = head.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("not a contacts checkpoint: " + token);
      }
      String page = head.substring(colon + 1);
      return new Position(
          AddressList.fromWire(head.substring(0, colon)),
          page.isEmpty() ? null : page,
          carriedList,
          carriedToken);
    }
  }
}
