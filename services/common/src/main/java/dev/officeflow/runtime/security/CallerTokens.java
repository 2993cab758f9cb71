package dev.officeflow.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static tokens this service accepts, by caller. A presented token is compared with every one
 * in constant time, so how long the comparison takes says nothing about which caller or how much of
 * a token matched.
 */
final class CallerTokens {

  private record Entry(String caller, byte[] token) {}

  private final List<Entry> entries = new ArrayList<>();

  CallerTokens(Map<String, List<String>> callers) {
    callers.forEach(
        (caller, tokens) ->
            tokens.stream()
                .filter(token -> !token.isBlank())
                .forEach(
                    token ->
                        entries.add(new Entry(caller, token.getBytes(StandardCharsets.UTF_8)))));
  }

  Optional<String> callerOf(String presented) {
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.token(), bytes)) {
        found = entry.caller();
      }
    }
    return Optional.ofNullable(found);
  }
}
