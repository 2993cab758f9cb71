package dev.officeflow.office.adapter;

import dev.officeflow.office.tokens.ProviderCredential;

/**
 * One user's connection to a provider for the length of a backfill run or a sync: the provider's
 * clients sending whatever access token is current. Thread-safe.
 */
public interface ProviderSession {

  String userId();

  /** The credential the session holds now (refreshed when the provider refused the last one). */
  ProviderCredential credential();
}
