package dev.officeflow.office.providers.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.people.v1.PeopleService;
import dev.officeflow.office.adapter.ProviderSession;
import dev.officeflow.office.tokens.ProviderCredential;
import dev.officeflow.office.tokens.ProviderTokens;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * One user's connection to Google for the length of a run: the official clients, pointed at the
 * configured root URL, sending whatever access token is current. Thread-safe.
 */
public final class GoogleSession implements ProviderSession {

  private static final String APPLICATION = "officeflow-office";
  private static final String GOOGLE_ROOT = "https://www.googleapis.com/";
  private static final String PEOPLE_ROOT = "https://people.googleapis.com/";

  private final String userId;
  private final String provider;
  private final ProviderTokens tokens;
  private final AtomicReference<ProviderCredential> credential;
  private final HttpRequestInitializer initializer;
  private final Gmail gmail;
  private final Calendar calendar;
  private final PeopleService people;
  private final AtomicBoolean metadataOnly;

  GoogleSession(
      String userId,
      String provider,
      ProviderCredential initial,
      ProviderTokens tokens,
      GoogleSettings settings,
      HttpTransport transport,
      JsonFactory json) {
    this.userId = userId;
    this.provider = provider;
    this.tokens = tokens;
    this.credential = new AtomicReference<>(initial);
    // gmail.metadata forbids queries and bodies, even next to a broader scope (as Gmail does).
    this.metadataOnly = new AtomicBoolean(initial.scopes().contains(GoogleScopes.GMAIL_METADATA));
    int timeout = (int) settings.requestTimeout().toMillis();
    this.initializer =
        request -> {
          request.getHeaders().setAuthorization("Bearer " + credential.get().accessToken());
          request.setConnectTimeout(timeout);
          request.setReadTimeout(timeout);
        };
    this.gmail =
        new Gmail.Builder(transport, json, initializer)
            .setRootUrl(settings.rootUrl())
            .setApplicationName(APPLICATION)
            .build();
    this.calendar =
        new Calendar.Builder(transport, json, initializer)
            .setRootUrl(settings.rootUrl())
            .setApplicationName(APPLICATION)
            .build();
    this.people =
        new PeopleService.Builder(transport, json, initializer)
            .setRootUrl(peopleRootUrl(settings.rootUrl()))
            .setApplicationName(APPLICATION)
            .build();
  }

  /**
   * People is served from its own host at Google ({@code people.googleapis.com}, paths {@code
   * v1/...}), where Gmail and Calendar share {@code www.googleapis.com}; any other root URL (a
   * simulator) serves every API itself.
   */
  static String peopleRootUrl(String rootUrl) {
    return GOOGLE_ROOT.equals(rootUrl) ? PEOPLE_ROOT : rootUrl;
  }

  @Override
  public String userId() {
    return userId;
  }

  @Override
  public ProviderCredential credential() {
    return credential.get();
  }

  /** The user's Gmail client; every request carries the session's current token. */
  public Gmail gmail() {
    return gmail;
  }

  /** The user's Calendar client; every request carries the session's current token. */
  public Calendar calendar() {
    return calendar;
  }

  /** The user's People API client (the address book); every request carries the current token. */
  public PeopleService people() {
    return people;
  }

  /**
   * True once Gmail is known to refuse queries and bodies for this grant (the {@code
   * gmail.metadata} scope): listings are then unfiltered and messages fetched as metadata.
   */
  public AtomicBoolean metadataOnly() {
    return metadataOnly;
  }

  /** Sets timeouts (and the token, harmlessly) on a batch request's envelope. */
  public HttpRequestInitializer initializer() {
    return initializer;
  }

  /** Replaces the access token after Google refused it. */
  public Mono<Void> refresh(Duration timeout) {
    return tokens.refresh(userId, provider).timeout(timeout).doOnNext(credential::set).then();
  }
}
