package dev.officeflow.user.imports.web;

import dev.officeflow.events.IntegrationStatus;
import dev.officeflow.runtime.web.ApiException;
import dev.officeflow.user.imports.ImportedUser;
import dev.officeflow.user.integration.ImportedGrant;
import dev.officeflow.user.integration.ProviderTokens;
import dev.officeflow.user.session.UserIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks an import request field by field and turns it into an {@link ImportedUser}, or fails with
 * 400 {@code invalid_request} naming the field. Bounds every text, since an operator's file is
 * input like any other: no value of the request is repeated in an answer.
 */
final class ImportRequests {

  /** The providers whose grants the service refreshes; the reference's third (Slack) is not one. */
  static final Set<String> PROVIDERS = Set.of("google", "microsoft");

  static final int MAX_EMAIL = 254;
  static final int MAX_TOKEN = 16_384;
  static final int MAX_SCOPES = 64;
  static final int MAX_SCOPE = 512;

  private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

  private ImportRequests() {}

  static ImportedUser check(@Nullable UserImportRequest request) {
    if (request == null) {
      throw ApiException.invalid("the body must be a user to import");
    }
    String id = UserIds.require(request.userId(), "user_id");
    String email = email(request.email(), "email");
    List<ImportedGrant> grants = new ArrayList<>();
    Set<String> providers = new HashSet<>();
    List<IntegrationImportRequest> integrations =
        request.integrations() == null ? List.of() : request.integrations();
    for (int i = 0; i < integrations.size(); i++) {
      String field = "integrations[" + i + "]";
      ImportedGrant grant = grant(integrations.get(i), field, email);
      if (!providers.add(grant.provider())) {
        throw ApiException.invalid(field + ".provider repeats " + grant.provider());
      }
      grants.add(grant);
    }
    return new ImportedUser(id, email, micros(request.createdAt()), grants);
  }

  private static ImportedGrant grant(
      @Nullable IntegrationImportRequest request, String field, String userEmail) {
    if (request == null) {
      throw ApiException.invalid(field + " is missing");
    }
    String provider = provider(request.provider(), field + ".provider");
    IntegrationStatus status = status(request.status(), field + ".status");
    @Nullable ProviderTokens tokens = tokens(request, field);
    if (status == IntegrationStatus.ACTIVE && tokens == null) {
      throw ApiException.invalid(field + " is active but has no access_token");
    }
    if (status == IntegrationStatus.REVOKED && tokens != null) {
      throw ApiException.invalid(field + " is revoked: a revoked grant's tokens are not imported");
    }
    // The reference keeps the account's address optional; the token API names one, and the
    // account a user connected is theirs unless the reference says otherwise.
    String account =
        request.accountEmail() == null
            ? userEmail
            : email(request.accountEmail(), field + ".account_email");
    return new ImportedGrant(provider, status, account, scopes(request.scopes(), field), tokens);
  }

  private static String provider(@Nullable String value, String field) {
    if (value == null || !PROVIDERS.contains(value)) {
      throw ApiException.invalid(field + " must be one of " + PROVIDERS.stream().sorted().toList());
    }
    return value;
  }

  /** officeflow's statuses, and the reference's {@code inactive} (disconnected) as revoked. */
  private static IntegrationStatus status(@Nullable String value, String field) {
    String wire = value == null ? "" : value.toLowerCase(Locale.ROOT);
    if (wire.equals("inactive")) {
      return IntegrationStatus.REVOKED;
    }
    for (IntegrationStatus status : IntegrationStatus.values()) {
      if (status.wire().equals(wire)) {
        return status;
      }
    }
    throw ApiException.invalid(
        field + " must be pending, active, error, expired, revoked or inactive");
  }

  private static @Nullable ProviderTokens tokens(IntegrationImportRequest request, String field) {
    if (request.accessToken() == null) {
      if (request.refreshToken() != null) {
        throw ApiException.invalid(field + " has a refresh_token but no access_token");
      }
      return null;
    }
    String access = token(request.accessToken(), field + ".access_token");
    String refresh =
        request.refreshToken() == null
            ? null
            : token(request.refreshToken(), field + ".refresh_token");
    // Unknown expiry: expired, so the first token request refreshes it rather than serving a token
    // that may be dead.
    Instant expires =
        request.accessExpiresAt() == null ? Instant.EPOCH : micros(request.accessExpiresAt());
    return new ProviderTokens(access, refresh, expires);
  }

  private static String token(String value, String field) {
    if (value.length() > MAX_TOKEN || !PRINTABLE.matcher(value).matches()) {
      throw ApiException.invalid(
          field + " must be 1 to " + MAX_TOKEN + " printable ASCII characters");
    }
    return value;
  }

  private static List<String> scopes(@Nullable List<String> values, String field) {
    List<String> scopes = values == null ? List.of() : values;
    if (scopes.size() > MAX_SCOPES) {
      throw ApiException.invalid(field + ".scopes has more than " + MAX_SCOPES + " scopes");
    }
    for (String scope : scopes) {
      if (scope == null || scope.length() > MAX_SCOPE || !PRINTABLE.matcher(scope).matches()) {
        throw ApiException.invalid(
            field + ".scopes: each scope is 1 to " + MAX_SCOPE + " printable ASCII characters");
      }
    }
    return List.copyOf(new LinkedHashSet<>(scopes));
  }

  private static String email(@Nullable String value, String field) {
    if (value == null || value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
      throw ApiException.invalid(
          field + " must be an address of at most " + MAX_EMAIL + " characters");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** The database keeps microseconds: what is compared on a repeated import must be as stored. */
  private static @Nullable Instant micros(@Nullable Instant value) {
    return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
  }
}
