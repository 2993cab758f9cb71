package dev.officeflow.user.microsoft;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scopes as the identity platform writes them. Graph's may come back with the resource prefix
 * ({@code https://graph.microsoft.com/Mail.Read}) or without ({@code Mail.Read}); they are stored
 * in the short form, which the office reads (it accepts both).
 */
final class MicrosoftScopes {

  static final String GRAPH_RESOURCE = "https://graph.microsoft.com/";

  private MicrosoftScopes() {}

  /** A token response's space-separated {@code scope}, each in its short form, in order. */
  static List<String> parse(@Nullable String scope) {
    if (scope == null) {
      return List.of();
    }
    return Arrays.stream(scope.trim().split("\\s+"))
        .filter(s -> !s.isBlank())
        .map(MicrosoftScopes::shortForm)
        .distinct()
        .toList();
  }

  /** {@code https://graph.microsoft.com/Mail.Read} → {@code Mail.Read}; others as they are. */
  static String shortForm(String scope) {
    return scope.regionMatches(true, 0, GRAPH_RESOURCE, 0, GRAPH_RESOURCE.length())
        ? scope.substring(GRAPH_RESOURCE.length())
        : scope;
  }
}
