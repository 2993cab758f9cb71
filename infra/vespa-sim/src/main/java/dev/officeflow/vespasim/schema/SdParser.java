package dev.officeflow.vespasim.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code document <name> { field <f> type <t> ... }} block of a schema file. Fields in
 * nested structs and fields outside the document block (which Vespa does not accept in a feed) are
 * skipped; everything else in the file is ignored.
 */
final class SdParser {

  private static final Pattern DOCUMENT =
      Pattern.compile("\\bdocument\\s+(\\w+)(\\s+inherits\\s+[\\w\\s,]+?)?\\s*\\{");
  private static final Pattern FIELD = Pattern.compile("\\bfield\\s+(\\w+)\\s+type\\s+([^{\\n]+)");

  private SdParser() {}

  static DocumentSchema parse(String source, String origin) {
    String text = stripComments(source);
    Matcher document = DOCUMENT.matcher(text);
    if (!document.find()) {
      throw new IllegalArgumentException("No 'document <name> {' block in " + origin);
    }
    int bodyStart = document.end();
    int bodyEnd = closingBrace(text, bodyStart, origin);
    return new DocumentSchema(document.group(1), fields(text, bodyStart, bodyEnd));
  }

  private static Map<String, FieldType> fields(String text, int start, int end) {
    Map<String, FieldType> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(text).region(start, end);
    while (field.find()) {
      if (depth(text, start, field.start()) == 0) {
        fields.put(field.group(1), FieldType.parse(field.group(2)));
      }
    }
    return fields;
  }

  /** Brace depth at {@code position}, counted from just inside the document block. */
  private static int depth(String text, int from, int position) {
    int depth = 0;
    for (int i = from; i < position; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return depth;
  }

  private static int closingBrace(String text, int bodyStart, String origin) {
    int depth = 1;
    for (int i = bodyStart; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("Unbalanced braces in the document block of " + origin);
  }

  private static String stripComments(String source) {
    return source.replaceAll("(?m)#.*$", "");
  }
}
