package dev.officeflow.graphsim.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Authorization codes: single use, about ten minutes, as the identity platform documents. A code
 * remembers what the token request must match (client, redirect URI, PKCE challenge) and what the
 * tokens will carry (account, scopes, nonce). Thread-safe.
 */
final class AuthorizationCodes {

  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** A pending code. */
  record Code(
      String code,
      String clientId,
      String redirectUri,
      String accountId,
      Set<String> scopes,
      @Nullable String challenge,
      String challengeMethod,
      @Nullable String nonce,
      Instant expiresAt) {}

  /** What redeeming a code found. */
  enum Outcome {
    REDEEMED,
    EXPIRED,
    ALREADY_REDEEMED,
    UNKNOWN
  }

  record Redemption(Outcome outcome, @Nullable Code code) {}

  private final Map<String, Code> pending = new ConcurrentHashMap<>();
  private final Map<String, Instant> redeemed = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  AuthorizationCodes(Clock clock) {
    this.clock = clock;
  }

  Code issue(
      String clientId,
      String redirectUri,
      String accountId,
      Set<String> scopes,
      @Nullable String challenge,
      String challengeMethod,
      @Nullable String nonce) {
    byte[] raw = new byte[48];
    random.nextBytes(raw);
    Code code =
        new Code(
            "M.C5sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
            clientId,
            redirectUri,
            accountId,
            Set.copyOf(scopes),
            challenge,
            challengeMethod,
            nonce,
            clock.instant().plus(LIFETIME));
    pending.put(code.code(), code);
    return code;
  }

  /** Takes the code out: it works once, and a second try is told so. */
  Redemption redeem(String code) {
    Code c = pending.remove(code);
    if (c == null) {
      return new Redemption(
          redeemed.containsKey(code) ? Outcome.ALREADY_REDEEMED : Outcome.UNKNOWN, null);
    }
    redeemed.put(code, clock.instant());
    if (!c.expiresAt().isAfter(clock.instant())) {
      return new Redemption(Outcome.EXPIRED, null);
    }
    return new Redemption(Outcome.REDEEMED, c);
  }

  /** The codes not yet redeemed of an account are void once its consent is revoked. */
  void revokeAll(String accountId) {
    pending.values().removeIf(c -> c.accountId().equals(accountId));
  }

  void clear() {
    pending.clear();
    redeemed.clear();
  }

  static Optional<String> s256(String verifier) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** RFC 7636: {@code S256} compares BASE64URL(SHA-256(verifier)), {@code plain} the verifier. */
  static boolean verifierMatches(Code code, String verifier) {
    if (code.challenge() == null) {
      return true;
    }
    String expected =
        code.challengeMethod().equalsIgnoreCase("plain") ? verifier : s256(verifier).orElse("");
    return java.security.MessageDigest.isEqual(
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        code.challenge().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
