package dev.officeflow.vespasim.search;

import dev.officeflow.vespasim.schema.SearchSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One document against one query: whether it matches, the rank features its profile reads, and
 * which query words each field holds (for highlighting). Text fields are tokenized ({@link
 * Tokens}); attributes match whole values. bm25 uses Vespa's k1 = 1.2 and b = 0.75 with what
 * streaming search has without term statistics: an average field length of 100 and the same weight
 * for every term. Not thread-safe; one per document and query.
 */
public final class DocumentMatcher implements RankExpression.Features {

  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final double AVERAGE_FIELD_LENGTH = 100;

  private final SearchSchema schema;
  private final JsonNode fields;
  private final double nowSeconds;
  private final Map<String, List<FieldText>> texts = new HashMap<>();
  private final List<Condition.Text> queryTerms;

  /**
   * @param where the resolved condition (no {@code userQuery()} or {@code userInput} left)
   */
  public DocumentMatcher(SearchSchema schema, JsonNode fields, Condition where, double nowSeconds) {
    this.schema = schema;
    this.fields = fields;
    this.nowSeconds = nowSeconds;
    this.queryTerms = new ArrayList<>();
    positiveTerms(where, queryTerms);
  }

  public boolean matches(Condition condition) {
    if (condition instanceof Condition.Text text) {
      return schema.fieldsOf(text.index()).stream().anyMatch(f -> has(f, text));
    } else if (condition instanceof Condition.Equals equals) {
      return equalsAttribute(equals);
    } else if (condition instanceof Condition.And and) {
      return and.all().stream().allMatch(this::matches);
    } else if (condition instanceof Condition.Or or) {
      return or.any().stream().anyMatch(this::matches);
    } else if (condition instanceof Condition.Not not) {
      return !matches(not.negated());
    } else if (condition instanceof Condition.Always always) {
      return always.value();
    }
    throw new IllegalStateException("not resolved before matching: " + condition);
  }

  @Override
  public double bm25(String field) {
    if (!schema.indexFields().contains(field)) {
      return 0;
    }
    List<FieldText> values = texts(field);
    int length = 0;
    for (FieldText value : values) {
      length += value.size();
    }
    double norm = 1 - B + B * length / AVERAGE_FIELD_LENGTH;
    double score = 0;
    for (String word : wordsFor(field)) {
      int tf = 0;
      for (FieldText value : values) {
        tf += value.count(word);
      }
      score += tf * (K1 + 1) / (tf + K1 * norm);
    }
    return score;
  }

  @Override
  public double attribute(String field) {
    JsonNode value = fields.path(field);
    return value.isNumber() ? value.asDouble() : value.isBoolean() && value.asBoolean() ? 1 : 0;
  }

  @Override
  public double now() {
    return nowSeconds;
  }

  /** The query words that search {@code field}, for highlighting and bm25. */
  public Set<String> wordsFor(String field) {
    Set<String> words = new HashSet<>();
    for (Condition.Text term : queryTerms) {
      if (schema.fieldsOf(term.index()).contains(field)) {
        words.addAll(term.words());
      }
    }
    return Collections.unmodifiableSet(words);
  }

  private boolean has(String field, Condition.Text text) {
    if (schema.indexFields().contains(field)) {
      for (FieldText value : texts(field)) {
        if (value.contains(text.words())) {
          return true;
        }
      }
      return false;
    }
    String wanted = text.raw().strip().toLowerCase(Locale.ROOT);
    for (JsonNode value : values(field)) {
      if (value.isString() && value.asString().toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private boolean equalsAttribute(Condition.Equals equals) {
    Object wanted = equals.value();
    for (JsonNode value : values(equals.field())) {
      boolean same;
      if (wanted instanceof Boolean b) {
        same = value.isBoolean() && value.asBoolean() == b;
      } else if (wanted instanceof Double d) {
        same = value.isNumber() && value.asDouble() == d;
      } else {
        same = value.isString() && value.asString().equalsIgnoreCase(wanted.toString());
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** A text field's string values with their word boundaries, found once per document. */
  private List<FieldText> texts(String field) {
    return texts.computeIfAbsent(
        field,
        f -> {
          List<FieldText> found = new ArrayList<>();
          for (JsonNode value : values(f)) {
            if (value.isString()) {
              found.add(new FieldText(value.asString()));
            }
          }
          return found;
        });
  }

  /** A field's value, or each element of an array; nothing when unset. */
  private List<JsonNode> values(String field) {
    JsonNode value = fields.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    return value.isArray() ? List.copyOf(value.values()) : List.of(value);
  }

  private static void positiveTerms(Condition condition, List<Condition.Text> into) {
    if (condition instanceof Condition.Text text) {
      into.add(text);
    } else if (condition instanceof Condition.And and) {
      and.all().forEach(c -> positiveTerms(c, into));
    } else if (condition instanceof Condition.Or or) {
      or.any().forEach(c -> positiveTerms(c, into));
    }
  }
}
