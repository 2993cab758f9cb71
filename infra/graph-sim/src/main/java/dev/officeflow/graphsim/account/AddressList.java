package dev.officeflow.graphsim.account;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the address headers of a generated message ({@code "Doe, Jane" <jane@x>, bob@y}) into Graph
 * recipients: splits on commas outside quotes and angle brackets, unquotes display names.
 */
final class AddressList {

  private AddressList() {}

  static List<Recipient> parse(String header) {
    List<Recipient> out = new ArrayList<>();
    for (String one : split(header)) {
      if (!one.isBlank()) {
        out.add(single(one.trim()));
      }
    }
    return out;
  }

  private static List<String> split(String header) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean angled = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '\\' && quoted && i + 1 < header.length()) {
        current.append(c).append(header.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '<' && !quoted) {
        angled = true;
      } else if (c == '>' && !quoted) {
        angled = false;
      } else if (c == ',' && !quoted && !angled) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  private static Recipient single(String text) {
    int open = text.lastIndexOf('<');
    int close = text.lastIndexOf('>');
    if (open < 0 || close < open) {
      return Recipient.of(text);
    }
    String address = text.substring(open + 1, close).trim();
    String name = text.substring(0, open).trim();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return new Recipient(name, address);
  }
}
