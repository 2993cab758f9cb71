package dev.officeflow.user.session;

import dev.officeflow.runtime.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a user id may be: opaque text, not necessarily a uuid. The reference services' users are
 * known by their auth provider's id ({@code external_auth_id}, at most 255 characters: a Clerk
 * {@code user_2Nx...}, a NextAuth subject such as Google's numeric {@code sub} or a Microsoft
 * object id), and they keep it here so that their events need no mapping; officeflow's own users
 * get a random uuid. The characters are bounded because an id travels into URL paths, Pub/Sub
 * attributes, log lines and other services' Redis keys ({@code office:{user}:...}, whose purge
 * scans by prefix): no separators ({@code : | /}), no glob or quote characters, no whitespace or
 * control characters, and it starts with a letter or digit (never {@code .} or {@code -}).
 */
public final class UserIds {

  /** The reference's column is {@code varchar(255)}; so is the database check here (V3). */
  public static final int MAX_LENGTH = 255;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,254}");

  private UserIds() {}

  /** A new user's id. */
  public static String random() {
    return UUID.randomUUID().toString();
  }

  /** The value when it is a user id; empty for anything else (null included). */
  public static Optional<String> parse(@Nullable String value) {
    return value != null && SHAPE.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }

  /**
   * The value, or 400 {@code invalid_request} naming the field. The detail never repeats the value:
   * it may carry control characters meant for a log or a terminal.
   */
  public static String require(@Nullable String value, String field) {
    return parse(value).orElseThrow(() -> ApiException.invalid(field + " " + problem(value)));
  }

  /** Why a value is not a user id, in words that are safe to log (the value is not repeated). */
  public static String problem(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "is missing";
    }
    if (value.length() > MAX_LENGTH) {
      return "is " + value.length() + " characters long; a user id has at most " + MAX_LENGTH;
    }
    return "is not a user id: letters, digits and . _ @ + - only, starting with a letter or digit";
  }
}
