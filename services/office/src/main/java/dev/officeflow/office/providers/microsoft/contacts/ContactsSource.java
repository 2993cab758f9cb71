package dev.officeflow.office.providers.microsoft.contacts;

import com.microsoft.graph.models.Contact;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.office.backfill.BackfillJob;
import dev.officeflow.office.backfill.Cursor;
import dev.officeflow.office.backfill.Phase;
import dev.officeflow.office.backfill.RunContext;
import dev.officeflow.office.backfill.Step;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.MicrosoftScopes;
import dev.officeflow.office.providers.microsoft.MicrosoftSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The Outlook address book in a backfill: the contacts, a page per step, each a {@code
 * ContactEvent(create)}; the next page's {@code @odata.nextLink} is the checkpoint's page token.
 * Without {@code Contacts.Read} the runner skips the source.
 */
final class ContactsSource extends MicrosoftSource {

  static final String NAME = "contacts";

  private final ContactsReader reader;

  ContactsSource(ContactsReader reader) {
    super(Phase.CONTACTS, NAME, MicrosoftScopes.CONTACTS_READ);
    this.reader = reader;
  }

  @Override
  public Mono<Step> next(RunContext run, Cursor c) {
    return reader.list(session(run), c.pageToken()).map(page -> step(run, c, page));
  }

  private static Step step(RunContext run, Cursor c, GraphPage<Contact> page) {
    BackfillJob job = run.job();
    Instant fallback = job.startedAt() != null ? job.startedAt() : job.createdAt();
    List<OfficeEvent> events = new ArrayList<>();
    int failed = 0;
    for (Contact contact : page.items()) {
      Optional<ContactMapper.Mapped> mapped = ContactMapper.map(contact, fallback);
      if (mapped.isEmpty()) {
        failed++;
      } else {
        ContactMapper.Mapped m = mapped.get();
        events.add(run.events().contact(job, run.account(), m.contact(), m.updated()));
      }
    }
    int size = page.items().size();
    Cursor next = c.nextPage(page.nextLink(), size, Integer.MAX_VALUE);
    return new Step(events, size, 0, failed, next);
  }
}
