package dev.officeflow.office.adapter;

import reactor.core.publisher.Mono;

/** Opens sessions at one provider; one bean per provider adapter. */
public interface ProviderClient {

  /** The provider's name as integrations and jobs carry it ({@code google}). */
  String provider();

  /** A session with the user's current credential; fails when there is no usable grant. */
  Mono<? extends ProviderSession> open(String userId);
}
