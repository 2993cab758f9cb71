package dev.officeflow.vespasim.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Parses user text ({@code query}, {@code userInput}) into a {@link Condition}, the way Vespa's
 * simple query language reads it: whitespace-separated items, {@code "quoted phrases"} (an unclosed
 * quote runs to the end), {@code -item} excluded, {@code +item} required, {@code index:item} on an
 * index the searched schemas have (any other {@code x:y} is text). An item that splits into several
 * words ({@code 1=1}, {@code o'brien}) is a phrase. Nothing in the text is ever read as YQL.
 */
public final class UserQueries {

  private UserQueries() {}

  /**
   * @param grammar {@code all} (every item must match), {@code any} or {@code weakAnd} (one must;
   *     the sim reads weakAnd as any), {@code linguistics} or {@code tokenize} (every word, no
   *     syntax), {@code phrase} (all words as one phrase)
   * @param isIndex whether a prefix before ':' names an index of the searched schemas
   */
  public static Condition parse(
      String text, String defaultIndex, String grammar, Predicate<String> isIndex) {
    return switch (grammar) {
      case "all" -> combine(items(text, defaultIndex, isIndex), true);
      case "any", "weakAnd" -> combine(items(text, defaultIndex, isIndex), false);
      case "linguistics", "tokenize" ->
          combine(
              Tokens.words(text).stream()
                  .map(w -> new Item(new Condition.Text(defaultIndex, List.of(w), w), Sign.NONE))
                  .toList(),
              true);
      case "phrase" -> phrase(defaultIndex, Tokens.words(text), text);
      default ->
          throw SearchException.invalidParameter(
              "Unknown grammar '"
                  + grammar
                  + "' (vespa-sim knows all, any, weakAnd,"
                  + " linguistics, tokenize, phrase)");
    };
  }

  private enum Sign {
    NONE,
    REQUIRED,
    EXCLUDED
  }

  private record Item(Condition condition, Sign sign) {}

  private static List<Item> items(String text, String defaultIndex, Predicate<String> isIndex) {
    List<Item> items = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      Sign sign = Sign.NONE;
      if (text.charAt(i) == '-' || text.charAt(i) == '+') {
        sign = text.charAt(i) == '-' ? Sign.EXCLUDED : Sign.REQUIRED;
        i++;
      }
      String index = defaultIndex;
      int colon = prefixEnd(text, i);
      if (colon > i && isIndex.test(text.substring(i, colon))) {
        index = text.substring(i, colon);
        i = colon + 1;
      }
      int end;
      String chunk;
      if (i < text.length() && text.charAt(i) == '"') {
        int close = text.indexOf('"', i + 1);
        end = close < 0 ? text.length() : close + 1;
        chunk = text.substring(i + 1, close < 0 ? text.length() : close);
      } else {
        end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        chunk = text.substring(i, end);
      }
      i = end;
      List<String> words = Tokens.words(chunk);
      if (!words.isEmpty()) {
        items.add(new Item(phrase(index, words, chunk), sign));
      }
    }
    return items;
  }

  /** Where an {@code index:} prefix at {@code from} ends (the colon), or -1. */
  private static int prefixEnd(String text, int from) {
    int i = from;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ':' ? i : -1;
  }

  private static Condition phrase(String index, List<String> words, String raw) {
    return words.isEmpty() ? new Condition.Always(false) : new Condition.Text(index, words, raw);
  }

  /** Positive items joined by AND (all) or OR (any), required ones always, exclusions as NOT. */
  private static Condition combine(List<Item> items, boolean all) {
    List<Condition> required = new ArrayList<>();
    List<Condition> optional = new ArrayList<>();
    List<Condition> excluded = new ArrayList<>();
    for (Item item : items) {
      switch (item.sign()) {
        case REQUIRED -> required.add(item.condition());
        case EXCLUDED -> excluded.add(new Condition.Not(item.condition()));
        case NONE -> (all ? required : optional).add(item.condition());
      }
    }
    if (required.isEmpty() && optional.isEmpty()) {
      return new Condition.Always(false);
    }
    List<Condition> conjunction = new ArrayList<>(required);
    if (!optional.isEmpty()) {
      conjunction.add(optional.size() == 1 ? optional.get(0) : new Condition.Or(optional));
    }
    conjunction.addAll(excluded);
    return conjunction.size() == 1 ? conjunction.get(0) : new Condition.And(conjunction);
  }
}
