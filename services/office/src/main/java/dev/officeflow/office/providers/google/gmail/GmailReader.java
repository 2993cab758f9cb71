package dev.officeflow.office.providers.google.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.providers.google.GoogleFailure;
import dev.officeflow.office.providers.google.GoogleFailures;
import dev.officeflow.office.providers.google.GoogleSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Gmail reads for the backfill: {@code messages.list} pages and {@code messages.get} in batch
 * requests, each part paced, retried and refreshed on its own terms (a batch's parts succeed and
 * fail separately, as Google charges and answers them separately).
 */
public final class GmailReader {

  static final String LIST = "gmail.users.messages.list";
  static final String GET = "gmail.users.messages.get";

  private final GoogleApi api;

  public GmailReader(GoogleApi api) {
    this.api = api;
  }

  /** A page of message ids, newest first. */
  public record MessagePage(List<String> ids, @Nullable String nextPageToken, long estimate) {}

  /**
   * Messages fetched by id.
   *
   * @param messages in the order asked for
   * @param missing ids Gmail no longer has (deleted since they were listed)
   */
  public record Fetched(List<Message> messages, List<String> missing) {}

  /** How much of a message to fetch. */
  public enum Format {
    METADATA,
    FULL
  }

  public Mono<MessagePage> list(
      GoogleSession session, @Nullable String query, @Nullable String pageToken) {
    long size = api.settings().gmailPageSize();
    return api.call(
            session,
            LIST,
            api.quota().gmail(),
            GmailCosts.MESSAGES_LIST,
            s -> {
              Gmail.Users.Messages.List list =
                  s.gmail().users().messages().list("me").setMaxResults(size);
              return list.setQ(query).setPageToken(pageToken).execute();
            })
        .map(GmailReader::page);
  }

  private static MessagePage page(ListMessagesResponse r) {
    List<String> ids =
        r.getMessages() == null ? List.of() : r.getMessages().stream().map(Message::getId).toList();
    long estimate = r.getResultSizeEstimate() == null ? ids.size() : r.getResultSizeEstimate();
    return new MessagePage(ids, r.getNextPageToken(), estimate);
  }

  /** The largest batch the quota allows in one go (a batch is charged as a whole). */
  public int batchSize() {
    int byQuota = api.limiter().maxCost(api.quota().gmail()) / GmailCosts.MESSAGES_GET;
    return Math.max(1, Math.min(api.settings().batchSize(), byQuota));
  }

  /** Fetches {@code ids} (at most {@link #batchSize()}) in one batch request, then retries. */
  public Mono<Fetched> fetch(GoogleSession session, List<String> ids, Format format) {
    return attempt(session, ids, format, 0, false)
        .map(
            got ->
                new Fetched(
                    ids.stream().filter(got.ok::containsKey).map(got.ok::get).toList(),
                    List.copyOf(got.missing)));
  }

  /** What one batch round brought: messages by id, and ids Gmail does not have. */
  private record Round(Map<String, Message> ok, List<String> missing) {
    Round plus(Round other) {
      Map<String, Message> all = new LinkedHashMap<>(ok);
      all.putAll(other.ok);
      List<String> gone = new ArrayList<>(missing);
      gone.addAll(other.missing);
      return new Round(all, gone);
    }
  }

  private record Answers(Map<String, Message> ok, Map<String, GoogleFailure> failed) {}

  private Mono<Round> attempt(
      GoogleSession s, List<String> ids, Format format, int retry, boolean refreshed) {
    int cost = GmailCosts.MESSAGES_GET * ids.size();
    Mono<Answers> envelope =
        api.blocking(() -> batch(s, ids, format))
            .onErrorResume(e -> Mono.just(allFailed(ids, GoogleFailures.of(GET, e, api.clock()))));
    return api.limiter()
        .paced(s.userId(), api.quota().gmail(), cost, envelope)
        .flatMap(answers -> settle(s, format, retry, refreshed, answers));
  }

  /** Keeps what arrived; refreshes, retries or gives up on the rest. */
  private Mono<Round> settle(
      GoogleSession s, Format format, int retry, boolean refreshed, Answers answers) {
    // Parts Google refused for quota never reach the limiter: counted here, once per failure.
    answers.failed().values().stream()
        .distinct()
        .forEach(f -> api.limiter().refused(api.quota().gmail(), f));
    List<String> missing = new ArrayList<>();
    List<String> again = new ArrayList<>();
    GoogleFailure worst = null;
    boolean unauthorized = false;
    for (Map.Entry<String, GoogleFailure> e : answers.failed().entrySet()) {
      GoogleFailure f = e.getValue();
      switch (f.kind()) {
        case NOT_FOUND -> missing.add(e.getKey());
        case UNAUTHORIZED, RATE_LIMITED, SERVER, NETWORK -> {
          again.add(e.getKey());
          unauthorized |= f.kind() == GoogleFailure.Kind.UNAUTHORIZED;
          // Report a retryable failure over a 401 when giving up on retries.
          worst = worst == null || f.retryable() ? f : worst;
        }
        default -> {
          return Mono.error(f);
        }
      }
    }
    Round round = new Round(answers.ok(), missing);
    if (again.isEmpty()) {
      return Mono.just(round);
    }
    if (unauthorized) {
      return refreshed
          ? Mono.error(unauthorizedAfterRefresh(answers))
          : api.refresh(s).then(attempt(s, again, format, retry, true)).map(round::plus);
    }
    if (retry >= api.settings().retries()) {
      return Mono.error(worst);
    }
    return Mono.delay(api.backoff(retry, worst))
        .then(attempt(s, again, format, retry + 1, refreshed))
        .map(round::plus);
  }

  private static GoogleFailure unauthorizedAfterRefresh(Answers answers) {
    return answers.failed().values().stream()
        .filter(f -> f.kind() == GoogleFailure.Kind.UNAUTHORIZED)
        .findFirst()
        .orElseThrow();
  }

  private static Answers allFailed(List<String> ids, GoogleFailure failure) {
    Map<String, GoogleFailure> failed = new LinkedHashMap<>();
    ids.forEach(id -> failed.put(id, failure));
    return new Answers(Map.of(), failed);
  }

  private Answers batch(GoogleSession s, List<String> ids, Format format) throws IOException {
    Map<String, Message> ok = new ConcurrentHashMap<>();
    Map<String, GoogleFailure> failed = new ConcurrentHashMap<>();
    BatchRequest batch = s.gmail().batch(s.initializer());
    for (String id : ids) {
      Gmail.Users.Messages.Get get = s.gmail().users().messages().get("me", id);
      if (format == Format.FULL) {
        get.setFormat("full");
      } else {
        get.setFormat("metadata").setMetadataHeaders(EmailMapper.METADATA_HEADERS);
      }
      get.queue(
          batch,
          new JsonBatchCallback<>() {
            @Override
            public void onSuccess(Message message, HttpHeaders headers) {
              ok.put(id, message);
            }

            @Override
            public void onFailure(GoogleJsonError error, HttpHeaders headers) {
              failed.put(id, GoogleFailures.of(GET, error, api.clock(), null));
            }
          });
    }
    batch.execute();
    return new Answers(ok, failed);
  }
}
