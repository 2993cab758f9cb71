package dev.officeflow.vespasim.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a schema says about searching its documents: which fields are indexed as text (tokenized)
 * and which are attributes (matched whole), its fieldsets, the fields whose summaries highlight
 * matches ({@code bolding: on}) or are dynamic snippets ({@code summary: dynamic}), and its rank
 * profiles.
 *
 * @param name the document type
 * @param indexFields fields with {@code index} in their {@code indexing}: text, matched by token
 * @param attributeFields fields with {@code attribute} and no {@code index}: matched whole
 * @param fieldsets fieldset name to its fields
 * @param bolding fields with {@code bolding: on}
 * @param dynamic fields with {@code summary: dynamic}
 * @param rankProfiles the rank profiles by name, as written
 */
public record SearchSchema(
    String name,
    Set<String> indexFields,
    Set<String> attributeFields,
    Map<String, List<String>> fieldsets,
    Set<String> bolding,
    Set<String> dynamic,
    Map<String, RankProfile> rankProfiles) {

  public SearchSchema {
    indexFields = Set.copyOf(indexFields);
    attributeFields = Set.copyOf(attributeFields);
    fieldsets = Map.copyOf(fieldsets);
    bolding = Set.copyOf(bolding);
    dynamic = Set.copyOf(dynamic);
    rankProfiles = Map.copyOf(rankProfiles);
  }

  /**
   * The fields a query term on {@code index} searches: a fieldset's fields, or the field itself;
   * empty when the schema has neither.
   */
  public List<String> fieldsOf(String index) {
    List<String> fieldset = fieldsets.get(index);
    if (fieldset != null) {
      return fieldset;
    }
    return indexFields.contains(index) || attributeFields.contains(index)
        ? List.of(index)
        : List.of();
  }

  /** Whether a query may name {@code index}: a fieldset or a searchable field. */
  public boolean hasIndex(String index) {
    return !fieldsOf(index).isEmpty();
  }

  /**
   * The profile's functions, its own over inherited ones, and its first-phase expression (own or
   * inherited; null when none of them has one). Empty when the schema has no such profile.
   */
  public Optional<Resolved> resolve(String profile) {
    if (!rankProfiles.containsKey(profile)) {
      return Optional.empty();
    }
    Map<String, String> functions = new HashMap<>();
    String[] firstPhase = new String[1];
    for (RankProfile each : lineage(profile)) {
      functions.putAll(each.functions());
      if (each.firstPhase() != null) {
        firstPhase[0] = each.firstPhase();
      }
    }
    return Optional.of(new Resolved(profile, functions, firstPhase[0]));
  }

  /** A rank profile with its inheritance applied. */
  public record Resolved(String name, Map<String, String> functions, @Nullable String firstPhase) {}

  /** The profile and its ancestors, ancestors first, each once. */
  private List<RankProfile> lineage(String profile) {
    Set<String> seen = new LinkedHashSet<>();
    collect(profile, seen, new HashSet<>());
    List<RankProfile> order = new ArrayList<>();
    seen.forEach(name -> order.add(rankProfiles.get(name)));
    return order;
  }

  private void collect(String profile, Set<String> order, Set<String> visiting) {
    RankProfile each = rankProfiles.get(profile);
    if (each == null || !visiting.add(profile)) {
      throw new IllegalArgumentException(
          "rank-profile '" + profile + "' of schema '" + name + "' is unknown or inherits itself");
    }
    each.inherits().forEach(parent -> collect(parent, order, visiting));
    order.add(profile);
  }
}
