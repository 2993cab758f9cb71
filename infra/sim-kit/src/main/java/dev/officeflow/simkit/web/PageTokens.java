package dev.officeflow.simkit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page and sync tokens: base64url of {@code |}-separated fields, so clients cannot rely on
 * their shape.
 */
public final class PageTokens {

  private PageTokens() {}

  public static String encode(String... fields) {
    byte[] raw = String.join("|", fields).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /**
   * The fields of a token made by {@link #encode}; {@link BadRequestException} for anything else.
   *
   * @param expected how many fields the token must have
   */
  public static List<String> decode(String token, int expected, String parameter) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      List<String> fields = List.of(text.split("\\|", -1));
      if (fields.size() != expected) {
        throw new IllegalArgumentException("field count");
      }
      return fields;
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Invalid " + parameter + ": " + token, parameter);
    }
  }
}
