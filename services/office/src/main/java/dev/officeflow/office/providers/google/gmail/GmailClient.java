package dev.officeflow.office.providers.google.gmail;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailRequest;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleSession;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The Gmail calls streaming makes ({@code getProfile}, {@code watch}, {@code stop}, {@code
 * history.list}), each through {@link GoogleApi#call} (paced, retried, refreshed on a 401) on the
 * session's own Gmail client. Thread-safe.
 */
final class GmailClient implements MailboxPosition {

  static final int WATCH_COST = 100;
  static final int STOP_COST = 50;

  /** What {@code users.watch} answered. */
  record Watch(long historyId, Instant expiration) {}

  @FunctionalInterface
  private interface Request<T> {
    GmailRequest<T> build(Gmail gmail) throws IOException;
  }

  private final GoogleApi api;

  GmailClient(GoogleApi api) {
    this.api = api;
  }

  @Override
  public Mono<Long> historyId(GoogleSession session) {
    return call(
            session,
            "gmail.users.getProfile",
            GmailCosts.GET_PROFILE,
            g -> g.users().getProfile("me"))
        .map(profile -> profile.getHistoryId().longValue());
  }

  Mono<Watch> watch(GoogleSession session, String topic) {
    WatchRequest body = new WatchRequest().setTopicName(topic);
    return call(session, "gmail.users.watch", WATCH_COST, g -> g.users().watch("me", body))
        .map(GmailClient::watch);
  }

  private static Watch watch(WatchResponse r) {
    return new Watch(r.getHistoryId().longValue(), Instant.ofEpochMilli(r.getExpiration()));
  }

  Mono<Void> stop(GoogleSession session) {
    return call(session, "gmail.users.stop", STOP_COST, g -> g.users().stop("me")).then();
  }

  Mono<ListHistoryResponse> history(
      GoogleSession session, long start, @Nullable String pageToken, int size) {
    return call(
        session,
        "gmail.users.history.list",
        GmailCosts.HISTORY_LIST,
        g ->
            g.users()
                .history()
                .list("me")
                .setStartHistoryId(BigInteger.valueOf(start))
                .setPageToken(pageToken)
                .setMaxResults((long) size));
  }

  private <T> Mono<T> call(GoogleSession session, String method, int cost, Request<T> request) {
    return api.call(
        session, method, api.quota().gmail(), cost, s -> request.build(s.gmail()).execute());
  }
}
