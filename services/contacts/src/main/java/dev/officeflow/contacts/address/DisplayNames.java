package dev.officeflow.contacts.address;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a display name before it is kept: decodes RFC 2047 encoded words (some clients leave them
 * inside quotes, where Gmail does not decode them), drops quotes, and refuses anything that carries
 * an address, because no plaintext address may reach the database.
 */
public final class DisplayNames {

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
  private static final int MAX_LENGTH = 200;

  private DisplayNames() {}

  /** The cleaned name, or empty when nothing usable (or an address) remains. */
  public static Optional<String> clean(String raw) {
    String name = decode(raw.strip());
    name = name.replace("\"", "").replace("\\", "").strip();
    if (name.isEmpty() || name.contains("@") || name.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  static String decode(String value) {
    if (!value.contains("=?")) {
      return value;
    }
    String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
    Matcher m = ENCODED_WORD.matcher(joined);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1), m.group(2), m.group(3))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String word(String charsetName, String encoding, String text) {
    Charset charset = charset(charsetName);
    try {
      byte[] bytes =
          encoding.equalsIgnoreCase("B") ? Base64.getDecoder().decode(text) : quoted(text);
      return new String(bytes, charset);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static byte[] quoted(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < text.length()) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
