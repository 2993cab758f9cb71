package dev.officeflow.vespasim.schema;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code rank-profile} as written in a schema, before inheritance is resolved.
 *
 * @param name the profile's name, what a query's {@code ranking} names
 * @param inherits the profiles it inherits, in order
 * @param functions its own functions by name (no parameters), each an expression's text
 * @param firstPhase its own first-phase expression's text, null when it inherits one
 */
public record RankProfile(
    String name,
    List<String> inherits,
    Map<String, String> functions,
    @Nullable String firstPhase) {

  public RankProfile {
    inherits = List.copyOf(inherits);
    functions = Map.copyOf(functions);
  }
}
