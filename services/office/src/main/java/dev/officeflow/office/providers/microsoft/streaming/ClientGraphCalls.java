package dev.officeflow.office.providers.microsoft.streaming;

import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.MicrosoftSession;
import dev.officeflow.office.tokens.ProviderCredential;
import reactor.core.publisher.Mono;

/**
 * {@link GraphCalls} through the adapter's {@link MicrosoftClient}: every streaming request is
 * paced on the mailbox's Outlook budget, retried and refreshed like the backfill's.
 */
final class ClientGraphCalls implements GraphCalls {

  private final MicrosoftClient client;

  ClientGraphCalls(MicrosoftClient client) {
    this.client = client;
  }

  @Override
  public Mono<GraphUser> open(String userId, String provider) {
    return client.open(userId).map(this::user);
  }

  /** The session a backfill run opened, as a streaming {@link GraphUser}. */
  GraphUser user(MicrosoftSession session) {
    return new SessionUser(client, session);
  }

  private record SessionUser(MicrosoftClient client, MicrosoftSession session)
      implements GraphUser {

    @Override
    public ProviderCredential credential() {
      return session.credential();
    }

    @Override
    public <T> Mono<T> call(String method, GraphCall<T> call) {
      return client.call(
          session,
          method,
          s -> {
            try {
              return call.run(s.graph());
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new IllegalStateException(method + ": " + e.getMessage(), e);
            }
          });
    }
  }
}
