package dev.officeflow.vespasim;

import dev.officeflow.vespasim.selection.Selection;
import dev.officeflow.vespasim.selection.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents in memory, by type, then location ({@code g=<group>}), then id. Each write on one
 * document is atomic, test-and-set conditions included. Stored field objects are never mutated.
 */
final class DocumentStore {

  /** What a write did. */
  enum Outcome {
    APPLIED,
    /** An update or remove of an absent document, without condition: Vespa answers 200. */
    NOT_FOUND,
    CONDITION_FAILED
  }

  /** A stored document. */
  record Stored(DocumentId id, ObjectNode fields) {
    Subject subject() {
      return new Subject(id.toString(), id.doctype(), id.group(), fields);
    }
  }

  private record Decision(Outcome outcome, @Nullable Stored next) {}

  private final Map<String, Map<String, Map<String, Stored>>> byType = new ConcurrentHashMap<>();

  Outcome put(DocumentId id, ObjectNode fields, @Nullable Selection condition, boolean create) {
    return write(
        id,
        current -> {
          if (condition != null && !(current == null ? create : matches(condition, current))) {
            return new Decision(Outcome.CONDITION_FAILED, current);
          }
          return new Decision(Outcome.APPLIED, new Stored(id, fields));
        });
  }

  Outcome update(
      DocumentId id,
      UnaryOperator<ObjectNode> change,
      @Nullable Selection condition,
      boolean create) {
    return write(
        id,
        current -> {
          if (current == null && !create) {
            return new Decision(
                condition == null ? Outcome.NOT_FOUND : Outcome.CONDITION_FAILED, null);
          }
          if (current != null && condition != null && !matches(condition, current)) {
            return new Decision(Outcome.CONDITION_FAILED, current);
          }
          ObjectNode base =
              current == null ? JsonNodeFactory.instance.objectNode() : current.fields().deepCopy();
          return new Decision(Outcome.APPLIED, new Stored(id, change.apply(base)));
        });
  }

  Outcome remove(DocumentId id, @Nullable Selection condition) {
    return write(
        id,
        current -> {
          if (condition != null && (current == null || !matches(condition, current))) {
            return new Decision(Outcome.CONDITION_FAILED, current);
          }
          return new Decision(current == null ? Outcome.NOT_FOUND : Outcome.APPLIED, null);
        });
  }

  Optional<Stored> get(DocumentId id) {
    return Optional.ofNullable(documents(id.doctype(), id.location()).get(id.toString()));
  }

  /**
   * Documents in id order within a scope; a null namespace, type or location means any.
   *
   * @param filter applied to each document in scope
   */
  List<Stored> scan(
      @Nullable String namespace,
      @Nullable String doctype,
      @Nullable String location,
      Predicate<Stored> filter) {
    List<Stored> found = new ArrayList<>();
    byType.forEach(
        (type, locations) -> {
          if (doctype == null || doctype.equals(type)) {
            locations.forEach(
                (loc, docs) -> {
                  if (location == null || location.equals(loc)) {
                    docs.values().stream()
                        .filter(d -> namespace == null || namespace.equals(d.id().namespace()))
                        .filter(filter)
                        .forEach(found::add);
                  }
                });
          }
        });
    found.sort(Comparator.comparing(stored -> stored.id().toString()));
    return found;
  }

  /** Removes each given document that is still stored; returns how many were removed. */
  int removeAll(List<Stored> documents) {
    int removed = 0;
    for (Stored stored : documents) {
      DocumentId id = stored.id();
      if (documents(id.doctype(), id.location()).remove(id.toString()) != null) {
        removed++;
      }
    }
    return removed;
  }

  /** Stored documents per type, for {@code types} (0 when none) and any other stored type. */
  Map<String, Integer> counts(Iterable<String> types) {
    Map<String, Integer> counts = new TreeMap<>();
    types.forEach(type -> counts.put(type, 0));
    byType.forEach(
        (type, locations) ->
            counts.put(type, locations.values().stream().mapToInt(Map::size).sum()));
    return counts;
  }

  void clear() {
    byType.clear();
  }

  private Outcome write(DocumentId id, Function<@Nullable Stored, Decision> decide) {
    Outcome[] outcome = new Outcome[1];
    documents(id.doctype(), id.location())
        .compute(
            id.toString(),
            (key, current) -> {
              Decision decision = decide.apply(current);
              outcome[0] = decision.outcome();
              return decision.next();
            });
    return outcome[0];
  }

  private Map<String, Stored> documents(String doctype, String location) {
    return byType
        .computeIfAbsent(doctype, type -> new ConcurrentHashMap<>())
        .computeIfAbsent(location, loc -> new ConcurrentHashMap<>());
  }

  private static boolean matches(Selection condition, Stored stored) {
    return condition.matches(stored.subject());
  }
}
