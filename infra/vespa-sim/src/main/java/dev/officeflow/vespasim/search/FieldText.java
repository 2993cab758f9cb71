package dev.officeflow.vespasim.search;

import java.util.Arrays;
import java.util.List;

/**
 * A text value and where its words are ({@link Tokens}' rule), kept as offsets: queries compare
 * words in place, ignoring case, without copying them, since a streaming query reads every document
 * of the group.
 */
final class FieldText {

  private final String text;
  private int[] bounds = new int[32];
  private int size;

  FieldText(String text) {
    this.text = text;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      add(start, i);
    }
  }

  /** How many words it has. */
  int size() {
    return size;
  }

  /** How often {@code word} (lower case) occurs. */
  int count(String word) {
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (is(i, word)) {
        count++;
      }
    }
    return count;
  }

  /** Whether {@code words} (lower case) occur in this order, one after the other. */
  boolean contains(List<String> words) {
    for (int i = 0; i + words.size() <= size; i++) {
      int j = 0;
      while (j < words.size() && is(i + j, words.get(j))) {
        j++;
      }
      if (j == words.size()) {
        return true;
      }
    }
    return false;
  }

  private boolean is(int index, String word) {
    int start = bounds[2 * index];
    int length = bounds[2 * index + 1] - start;
    return length == word.length() && text.regionMatches(true, start, word, 0, length);
  }

  private void add(int start, int end) {
    if (2 * size + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    bounds[2 * size] = start;
    bounds[2 * size + 1] = end;
    size++;
  }
}
