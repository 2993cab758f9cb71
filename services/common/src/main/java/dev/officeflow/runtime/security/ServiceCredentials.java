package dev.officeflow.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The shared secrets services present to each other's {@code /internal/**} endpoints (ARCHITECTURE
 * §8), separate from the user JWTs the frontend carries. The first token is the one this service
 * sends; every listed token is accepted, so a secret can be rotated without downtime.
 */
public final class ServiceCredentials {

  /** What a presented {@code Authorization} header amounts to. */
  public enum Verdict {
    SERVICE,
    MISSING,
    USER_TOKEN,
    INVALID
  }

  private final List<byte[]> accepted;
  private final String own;

  public ServiceCredentials(List<String> tokens) {
    if (tokens.isEmpty() || tokens.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("officeflow.security.service-tokens: at least one token");
    }
    this.own = tokens.get(0);
    this.accepted = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** The header value this service sends: {@code Bearer <token>}. */
  public String authorizationHeader() {
    return "Bearer " + own;
  }

  public Verdict check(Optional<String> authorization) {
    Optional<String> bearer =
        authorization
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim());
    if (bearer.isEmpty()) {
      return Verdict.MISSING;
    }
    byte[] presented = bearer.get().getBytes(StandardCharsets.UTF_8);
    if (accepted.stream().anyMatch(token -> MessageDigest.isEqual(token, presented))) {
      return Verdict.SERVICE;
    }
    return looksLikeJwt(bearer.get()) ? Verdict.USER_TOKEN : Verdict.INVALID;
  }

  private static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }
}
