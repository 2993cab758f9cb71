package dev.officeflow.vespasim.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a schema file says about searching (see {@link SearchSchema}). Rank expressions must
 * be written on one line after {@code expression:}, as in {@code infra/vespa/schemas}; the block
 * form {@code expression { ... }} is not read.
 */
final class SearchSdParser {

  private static final Pattern FIELD = Pattern.compile("\\bfield\\s+(\\w+)\\s+type\\s+[^{\\n]+\\{");
  private static final Pattern INDEXING = Pattern.compile("\\bindexing\\s*:\\s*([^\\n]+)");
  private static final Pattern BOLDING = Pattern.compile("\\bbolding\\s*:\\s*on\\b");
  private static final Pattern DYNAMIC = Pattern.compile("\\bsummary\\s*:\\s*dynamic\\b");
  private static final Pattern FIELDSET =
      Pattern.compile("\\bfieldset\\s+(\\w+)\\s*\\{\\s*fields\\s*:\\s*([\\w\\s,]+?)\\s*}");
  private static final Pattern PROFILE =
      Pattern.compile("\\brank-profile\\s+([\\w-]+)(?:\\s+inherits\\s+([\\w\\s,-]+?))?\\s*\\{");
  private static final Pattern FUNCTION =
      Pattern.compile(
          "\\bfunction\\s+(?:inline\\s+)?(\\w+)\\s*\\(\\s*\\)\\s*\\{\\s*expression\\s*:\\s*([^\\n]+)");
  private static final Pattern FIRST_PHASE =
      Pattern.compile("\\bfirst-phase\\s*\\{\\s*expression\\s*:\\s*([^\\n]+)");

  private SearchSdParser() {}

  static SearchSchema parse(String name, String source) {
    String text = source.replaceAll("(?m)#.*$", "");
    Set<String> index = new HashSet<>();
    Set<String> attribute = new HashSet<>();
    Set<String> bolding = new HashSet<>();
    Set<String> dynamic = new HashSet<>();
    Matcher field = FIELD.matcher(text);
    while (field.find()) {
      String body = text.substring(field.end(), closingBrace(text, field.end()));
      String indexing = first(INDEXING, body);
      boolean indexed = indexing != null && indexing.matches(".*\\bindex\\b.*");
      if (indexed) {
        index.add(field.group(1));
      } else if (indexing != null && indexing.matches(".*\\battribute\\b.*")) {
        attribute.add(field.group(1));
      }
      if (BOLDING.matcher(body).find()) {
        bolding.add(field.group(1));
      }
      if (DYNAMIC.matcher(body).find()) {
        dynamic.add(field.group(1));
      }
    }
    return new SearchSchema(
        name, index, attribute, fieldsets(text), bolding, dynamic, profiles(text));
  }

  private static Map<String, List<String>> fieldsets(String text) {
    Map<String, List<String>> fieldsets = new HashMap<>();
    Matcher fieldset = FIELDSET.matcher(text);
    while (fieldset.find()) {
      fieldsets.put(fieldset.group(1), names(fieldset.group(2)));
    }
    return fieldsets;
  }

  private static Map<String, RankProfile> profiles(String text) {
    Map<String, RankProfile> profiles = new LinkedHashMap<>();
    Matcher profile = PROFILE.matcher(text);
    while (profile.find()) {
      String body = text.substring(profile.end(), closingBrace(text, profile.end()));
      Map<String, String> functions = new HashMap<>();
      Matcher function = FUNCTION.matcher(body);
      while (function.find()) {
        functions.put(function.group(1), function.group(2).strip());
      }
      String firstPhase = first(FIRST_PHASE, body);
      String inherits = profile.group(2);
      profiles.put(
          profile.group(1),
          new RankProfile(
              profile.group(1),
              inherits == null ? List.of() : names(inherits),
              functions,
              firstPhase == null ? null : firstPhase.strip()));
    }
    return profiles;
  }

  private static @Nullable String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split("[\\s,]+")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  /** The index of the brace closing the block whose body starts at {@code bodyStart}. */
  private static int closingBrace(String text, int bodyStart) {
    int depth = 1;
    for (int i = bodyStart; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("Unbalanced braces after position " + bodyStart);
  }
}
