package dev.officeflow.office.providers.microsoft.streaming;

import com.microsoft.graph.models.BaseDeltaFunctionResponse;
import com.microsoft.graph.models.OutlookItem;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.BaseRequestConfiguration;
import dev.officeflow.office.providers.microsoft.streaming.GraphCalls.GraphUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The Graph delta queries streaming makes, one page at a time: per mail folder ({@code
 * mailFolders/{inbox|sentitems}/messages/delta}, filtered to the mail received since the window's
 * start), {@code calendarView/delta} over a start/end window, {@code contacts/delta}; or the next
 * page or round from a link Graph gave ({@code @odata.nextLink}, {@code @odata.deltaLink}), which
 * carries those parameters itself.
 */
final class DeltaReader {

  static final String MESSAGES = "messages.delta";
  static final String EVENTS = "calendarView.delta";
  static final String CONTACTS = "contacts.delta";

  /** Graph's mark on an item that left the feed (deleted, or moved out of the folder or window). */
  static final String REMOVED = "@removed";

  /** One page: items changed or new, ids removed, and where to go on. */
  record DeltaPage(
      List<OutlookItem> changed,
      List<String> removed,
      @Nullable String nextLink,
      @Nullable String deltaLink) {}

  /** Where a round from scratch starts: the windows are fixed in the links Graph returns. */
  record Windows(Instant mailSince, Instant calendarStart, Instant calendarEnd) {

    /** The windows streaming reads around {@code anchor}, as its settings size them. */
    static Windows around(Instant anchor, MicrosoftStreamingSettings settings) {
      return new Windows(
          anchor.minus(settings.mailWindow()),
          anchor.minus(settings.calendarBack()),
          anchor.plus(settings.calendarAhead()));
    }
  }

  private final int pageSize;

  DeltaReader(int pageSize) {
    this.pageSize = pageSize;
  }

  /** The first page of a round from scratch. */
  Mono<DeltaPage> first(GraphUser user, GraphResource resource, Windows windows) {
    return user.call(method(resource), graph -> page(fromScratch(graph, resource, windows)));
  }

  /** The page behind a next or delta link. */
  Mono<DeltaPage> follow(GraphUser user, GraphResource resource, String link) {
    return user.call(method(resource), graph -> page(fromLink(graph, resource, link)));
  }

  private BaseDeltaFunctionResponse fromScratch(
      GraphServiceClient graph, GraphResource resource, Windows windows) {
    return switch (resource) {
      case INBOX, SENT_ITEMS ->
          messages(graph, resource)
              .get(
                  c -> {
                    c.queryParameters.filter = "receivedDateTime ge " + windows.mailSince();
                    prefer(c);
                  });
      case EVENTS ->
          events(graph)
              .get(
                  c -> {
                    c.queryParameters.startDateTime = windows.calendarStart().toString();
                    c.queryParameters.endDateTime = windows.calendarEnd().toString();
                    prefer(c);
                  });
      case CONTACTS -> contacts(graph).get(this::prefer);
    };
  }

  private BaseDeltaFunctionResponse fromLink(
      GraphServiceClient graph, GraphResource resource, String link) {
    return switch (resource) {
      case INBOX, SENT_ITEMS -> messages(graph, resource).withUrl(link).get(this::prefer);
      case EVENTS -> events(graph).withUrl(link).get(this::prefer);
      case CONTACTS -> contacts(graph).withUrl(link).get(this::prefer);
    };
  }

  // One builder per resource: the SDK's three delta builders share no type with get and withUrl.
  private static com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder
      messages(GraphServiceClient graph, GraphResource folder) {
    return graph.me().mailFolders().byMailFolderId(folder.wire()).messages().delta();
  }

  private static com.microsoft.graph.users.item.calendarview.delta.DeltaRequestBuilder events(
      GraphServiceClient graph) {
    return graph.me().calendarView().delta();
  }

  private static com.microsoft.graph.users.item.contacts.delta.DeltaRequestBuilder contacts(
      GraphServiceClient graph) {
    return graph.me().contacts().delta();
  }

  private void prefer(BaseRequestConfiguration c) {
    c.headers.add("Prefer", "odata.maxpagesize=" + pageSize);
  }

  private static DeltaPage page(BaseDeltaFunctionResponse response) {
    List<? extends OutlookItem> items = items(response);
    List<OutlookItem> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (OutlookItem item : items) {
      if (item.getAdditionalData() != null && item.getAdditionalData().containsKey(REMOVED)) {
        if (item.getId() != null) {
          removed.add(item.getId());
        }
      } else {
        changed.add(item);
      }
    }
    return new DeltaPage(
        changed, removed, response.getOdataNextLink(), response.getOdataDeltaLink());
  }

  private static List<? extends OutlookItem> items(BaseDeltaFunctionResponse response) {
    List<? extends OutlookItem> items;
    if (response
        instanceof
        com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse m) {
      items = m.getValue();
    } else if (response
        instanceof com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse e) {
      items = e.getValue();
    } else if (response
        instanceof com.microsoft.graph.users.item.contacts.delta.DeltaGetResponse c) {
      items = c.getValue();
    } else {
      throw new IllegalStateException(
          "not a delta response of a streamed resource: " + response.getClass());
    }
    return items == null ? List.of() : items;
  }

  private static String method(GraphResource resource) {
    return switch (resource) {
      case INBOX, SENT_ITEMS -> MESSAGES;
      case EVENTS -> EVENTS;
      case CONTACTS -> CONTACTS;
    };
  }
}
