package dev.officeflow.office.tokens;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Marks a reactive chain as a purge's (ARCHITECTURE §2, flow 6): its token requests ask the user
 * service for the grant it holds for the deleted user ({@code "purpose": "purge"}), the only tokens
 * it still serves for them. The mark travels in the Reactor context, as the trace does, so the
 * provider calls that stop watches need not know who asks; a chain without it never gets a deleted
 * user's token, so a backfill or a stream still running for them stops at its next token request.
 */
public final class PurgeTokens {

  private static final String KEY = PurgeTokens.class.getName();

  private PurgeTokens() {}

  /** {@code work}, with its token requests made for a purge. */
  public static <T> Mono<T> during(Mono<T> work) {
    return work.contextWrite(PurgeTokens::mark);
  }

  static Context mark(Context context) {
    return context.put(KEY, Boolean.TRUE);
  }

  /** Whether the chain this context belongs to is a purge's. */
  static boolean requested(ContextView context) {
    return context.getOrDefault(KEY, Boolean.FALSE);
  }
}
