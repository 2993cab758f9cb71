package dev.officeflow.office.providers.microsoft;

import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The paging every backfill reader of a Graph collection shares: the first page as the reader asks
 * for it, or the page at Graph's {@code @odata.nextLink} taken as it is (the link carries the query
 * itself), both through {@link MicrosoftClient}. The SDK answers null for a body-less answer and
 * leaves {@code value} or the link out when Graph does: those read as an empty or last page. Each
 * reader keeps its own request, since the SDK's request builders share no type that has {@code
 * withUrl}.
 *
 * @param <R> the SDK's collection response ({@code EventCollectionResponse})
 * @param <T> its item ({@code Event})
 */
public final class GraphPages<R extends BaseCollectionPaginationCountResponse, T> {

  private final MicrosoftClient client;
  private final String method;
  private final Function<R, @Nullable List<T>> items;

  /**
   * @param method the call's name in quotas, failures and metrics
   * @param items the response's {@code value}
   */
  public GraphPages(MicrosoftClient client, String method, Function<R, @Nullable List<T>> items) {
    this.client = client;
    this.method = method;
    this.items = items;
  }

  /**
   * The page at {@code nextLink} ({@code at}), or, when it is null, the first page ({@code first}).
   */
  public Mono<GraphPage<T>> read(
      MicrosoftSession session,
      @Nullable String nextLink,
      MicrosoftClient.Blocking<R> first,
      BiFunction<MicrosoftSession, String, R> at) {
    return client
        .call(session, method, s -> nextLink == null ? first.call(s) : at.apply(s, nextLink))
        .map(r -> page(r, items))
        .defaultIfEmpty(GraphPage.last());
  }

  /** A response as a page: a missing {@code value} is no items, a blank link no next page. */
  static <R extends BaseCollectionPaginationCountResponse, T> GraphPage<T> page(
      R response, Function<R, @Nullable List<T>> items) {
    List<T> values = items.apply(response);
    String next = response.getOdataNextLink();
    return new GraphPage<>(
        values == null ? List.of() : values, next == null || next.isBlank() ? null : next);
  }
}
