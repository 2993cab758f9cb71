package dev.officeflow.office.providers.google.contacts;

import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Person;
import dev.officeflow.office.adapter.ProviderFailure;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Pages of a People API list through the official client, paced on the user's People budget and
 * retried by {@link GoogleApi#call}. Every call asks for a sync token ({@code requestSyncToken}),
 * so the last page of any listing, full or incremental, carries the token the next sync starts
 * from; Google requires every parameter but the page and sync tokens to match the first call, so
 * all calls of a list send the same ones.
 */
final class PeopleReader {

  /** People's largest page. */
  static final int MAX_PAGE_SIZE = 1000;

  private static final String ME = "people/me";

  /**
   * One page.
   *
   * @param nextSyncToken on the last page only
   */
  record PeoplePage(
      List<Person> people, @Nullable String nextPageToken, @Nullable String nextSyncToken) {

    PeoplePage {
      people = List.copyOf(people);
    }
  }

  private final GoogleApi api;
  private final int pageSize;

  PeopleReader(GoogleApi api, int pageSize) {
    this.api = api;
    this.pageSize = pageSize;
  }

  /**
   * The page of {@code pageToken} (null: the first) of a full listing, or of the changes since
   * {@code syncToken} when one is given.
   */
  Mono<PeoplePage> list(
      GoogleSession session,
      AddressList list,
      @Nullable String pageToken,
      @Nullable String syncToken) {
    return api.call(
        session,
        list.method(),
        api.quota().people(),
        1,
        s ->
            list == AddressList.CONNECTIONS
                ? connections(s, pageToken, syncToken, pageSize)
                : otherContacts(s, pageToken, syncToken, pageSize));
  }

  private static PeoplePage connections(
      GoogleSession s, @Nullable String pageToken, @Nullable String syncToken, int pageSize)
      throws IOException {
    ListConnectionsResponse r =
        s.people()
            .people()
            .connections()
            .list(ME)
            .setPersonFields(AddressList.CONNECTIONS.fields())
            .setPageSize(pageSize)
            .setPageToken(pageToken)
            .setSyncToken(syncToken)
            .setRequestSyncToken(true)
            .execute();
    return new PeoplePage(orEmpty(r.getConnections()), r.getNextPageToken(), r.getNextSyncToken());
  }

  private static PeoplePage otherContacts(
      GoogleSession s, @Nullable String pageToken, @Nullable String syncToken, int pageSize)
      throws IOException {
    ListOtherContactsResponse r =
        s.people()
            .otherContacts()
            .list()
            .setReadMask(AddressList.OTHER_CONTACTS.fields())
            .setPageSize(pageSize)
            .setPageToken(pageToken)
            .setSyncToken(syncToken)
            .setRequestSyncToken(true)
            .execute();
    return new PeoplePage(
        orEmpty(r.getOtherContacts()), r.getNextPageToken(), r.getNextSyncToken());
  }

  private static List<Person> orEmpty(@Nullable List<Person> people) {
    return people == null ? List.of() : people;
  }

  /**
   * True when Google refused a sync token as expired: a 400 FAILED_PRECONDITION whose ErrorInfo
   * says {@code EXPIRED_SYNC_TOKEN}, which {@code GoogleFailures} classifies as gone, like
   * Calendar's 410.
   */
  static boolean expired(Throwable error) {
    return error instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.GONE;
  }

  /** True when the grant does not cover the list: a 403 that is not about rate. */
  static boolean forbidden(Throwable error) {
    return error instanceof ProviderFailure f && f.kind() == ProviderFailure.Kind.FORBIDDEN;
  }
}
