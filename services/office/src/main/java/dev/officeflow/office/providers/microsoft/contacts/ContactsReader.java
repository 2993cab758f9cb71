package dev.officeflow.office.providers.microsoft.contacts;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.users.item.contacts.ContactsRequestBuilder;
import dev.officeflow.office.providers.microsoft.GraphPage;
import dev.officeflow.office.providers.microsoft.GraphPages;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
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

  private final MicrosoftClient client;
  private final GraphPages<ContactCollectionResponse, Contact> pages;

  ContactsReader(MicrosoftClient client) {
    this.client = client;
    this.pages = new GraphPages<>(client, LIST, ContactCollectionResponse::getValue);
  }

  /** The page at {@code nextLink}, or (null) the first. */
  Mono<GraphPage<Contact>> list(MicrosoftSession session, @Nullable String nextLink) {
    int top = client.settings().contactsPageSize();
    return pages.read(
        session,
        nextLink,
        s ->
            contacts(s)
                .get(
                    c -> {
                      c.queryParameters.select = SELECT;
                      c.queryParameters.top = top;
                    }),
        (s, link) -> contacts(s).withUrl(link).get());
  }

  private static ContactsRequestBuilder contacts(MicrosoftSession s) {
    return s.graph().me().contacts();
  }
}
