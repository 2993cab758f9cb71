package dev.officeflow.office.providers.microsoft.contacts;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.users.item.contacts.ContactsRequestBuilder;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Pages of the user's contacts (the default contacts folder): {@code GET /me/contacts?$select=...
 * &$top=N}, then the answer's {@code @odata.nextLink}.
 */
final class ContactsReader {

  static final String LIST = "graph.contacts.list";

  static final String[] SELECT = {
    "id",
    "displayName",
    "givenName",
    "surname",
    "emailAddresses",
    "businessPhones",
    "homePhones",
    "mobilePhone",
    "companyName",
    "jobTitle",
    "department",
    "birthday",
    "personalNotes",
    "categories",
    "createdDateTime",
    "lastModifiedDateTime"
  };

  /** One page; {@code nextLink} null on the last. */
  record ContactPage(List<Contact> contacts, @Nullable String nextLink) {

    ContactPage {
      contacts = List.copyOf(contacts);
    }
  }

  private final MicrosoftClient client;

  ContactsReader(MicrosoftClient client) {
    this.client = client;
  }

  /** The page at {@code nextLink}, or (null) the first. */
  Mono<ContactPage> list(MicrosoftSession session, @Nullable String nextLink) {
    int top = client.settings().contactsPageSize();
    return client
        .call(
            session,
            LIST,
            s -> {
              ContactsRequestBuilder contacts = s.graph().me().contacts();
              if (nextLink != null) {
                return contacts.withUrl(nextLink).get();
              }
              return contacts.get(
                  c -> {
                    c.queryParameters.select = SELECT;
                    c.queryParameters.top = top;
                  });
            })
        .map(ContactsReader::page)
        // An answer without a body (the SDK's null) is an empty last page.
        .defaultIfEmpty(new ContactPage(List.of(), null));
  }

  private static ContactPage page(@Nullable ContactCollectionResponse r) {
    if (r == null) {
      return new ContactPage(List.of(), null);
    }
    String next = r.getOdataNextLink();
    return new ContactPage(
        r.getValue() == null ? List.of() : r.getValue(),
        next == null || next.isBlank() ? null : next);
  }
}
