package dev.officeflow.user.signin;

import dev.officeflow.user.oauth.OAuthProviders;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sign-ins this deployment offers, by provider: Google, and Microsoft when it is offered. */
public final class SignIns {

  private final Map<String, ProviderSignIn> byProvider;

  SignIns(List<ProviderSignIn> signIns) {
    this.byProvider =
        signIns.stream()
            .collect(Collectors.toUnmodifiableMap(ProviderSignIn::provider, Function.identity()));
  }

  /** The provider's sign-in, or 404 {@code provider_not_offered}. */
  public ProviderSignIn of(String provider) {
    ProviderSignIn signIn = byProvider.get(provider);
    if (signIn == null) {
      throw OAuthProviders.notOffered(provider);
    }
    return signIn;
  }
}
