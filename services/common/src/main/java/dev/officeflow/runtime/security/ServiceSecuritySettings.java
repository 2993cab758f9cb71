package dev.officeflow.runtime.security;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who a service is to the others, and whom it accepts on {@code /internal/**} ({@code
 * officeflow.security.*}; ARCHITECTURE §8). Locally (the {@code local} profile) every caller has a
 * static development token; on GCP callers present Google-signed ID tokens of their service
 * accounts instead, mapped to caller names. No default outside the local profile: a production
 * service without them accepts no caller.
 *
 * @param credential the static token this service presents when it calls another ({@code
 *     OFFICEFLOW_SECURITY_CREDENTIAL}); empty when it sends Google ID tokens or calls no one
 * @param callers the tokens each caller may present here, by caller name ({@code operator}, {@code
 *     office}, ...; {@code OFFICEFLOW_SECURITY_CALLERS_OFFICE}, comma-separated): every listed
 *     token is accepted, so a caller's token rotates without downtime. Names are compared without
 *     dashes and case ({@link InternalAccess#allows}): an environment variable cannot spell {@code
 *     vespa-loader}, so {@code OFFICEFLOW_SECURITY_CALLERS_VESPALOADER} names it
 * @param googleIdTokens Google-signed ID tokens, for Cloud Run and GKE workload identity
 */
@ConfigurationProperties("officeflow.security")
public record ServiceSecuritySettings(
    @Nullable String credential,
    Map<String, List<String>> callers,
    @DefaultValue GoogleIdTokens googleIdTokens) {

  public ServiceSecuritySettings {
    callers = callers == null ? Map.of() : Map.copyOf(callers);
  }

  /**
   * Google-signed ID tokens as service credentials.
   *
   * @param audience the {@code aud} every officeflow service asks for and accepts (e.g. {@code
   *     officeflow-internal}); empty turns ID tokens off
   * @param jwkSetUri Google's keys (default {@code https://www.googleapis.com/oauth2/v3/certs})
   * @param issuers accepted {@code iss} values (default Google's two spellings)
   * @param callers each caller's service-account emails, by caller name ({@code office:
   *     officeflow-office@p.iam.gserviceaccount.com}; {@code
   *     OFFICEFLOW_SECURITY_GOOGLEIDTOKENS_CALLERS_OFFICE}, comma-separated): keyed by caller, not
   *     by email, because an email cannot be part of an environment variable's name
   * @param metadataUrl where this service fetches its own ID token when it has no static {@link
   *     #credential} (default the GCE/GKE/Cloud Run metadata server)
   */
  public record GoogleIdTokens(
      @DefaultValue("") String audience,
      @DefaultValue("https://www.googleapis.com/oauth2/v3/certs") String jwkSetUri,
      @DefaultValue({"https://accounts.google.com", "accounts.google.com"}) List<String> issuers,
      Map<String, List<String>> callers,
      @DefaultValue("http://metadata.google.internal") String metadataUrl) {

    public GoogleIdTokens {
      callers = callers == null ? Map.of() : Map.copyOf(callers);
    }

    public boolean enabled() {
      return !audience.isBlank();
    }

    /**
     * The caller a service-account email belongs to; an email listed for two callers is a
     * configuration error, not a choice to make at request time.
     */
    public Map<String, String> callerByEmail() {
      Map<String, String> byEmail = new HashMap<>();
      callers.forEach(
          (caller, emails) ->
              emails.stream()
                  .map(String::trim)
                  .filter(email -> !email.isEmpty())
                  .forEach(
                      email -> {
                        String other = byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), caller);
                        if (other != null && !other.equals(caller)) {
                          throw new IllegalStateException(
                              "officeflow.security.google-id-tokens.callers lists "
                                  + email
                                  + " for both "
                                  + other
                                  + " and "
                                  + caller);
                        }
                      }));
      return Map.copyOf(byEmail);
    }
  }
}
