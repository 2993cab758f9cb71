package dev.officeflow.graphsim.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes the simulated identity platform knows, in their short form ({@code Mail.Read}). A
 * request may name a Graph scope with or without {@code https://graph.microsoft.com/}, in any case
 * (the platform treats scope names case-insensitively); {@code
 * https://graph.microsoft.com/.default} asks for everything the account has granted.
 */
public final class Scopes {

  public static final String GRAPH_PREFIX = "https://graph.microsoft.com/";
  public static final String DEFAULT = ".default";
  public static final String OFFLINE_ACCESS = "offline_access";
  public static final String OPENID = "openid";
  public static final String PROFILE = "profile";
  public static final String EMAIL = "email";
  public static final String USER_READ = "User.Read";
  public static final String MAIL_READ = "Mail.Read";
  public static final String CALENDARS_READ = "Calendars.Read";
  public static final String CONTACTS_READ = "Contacts.Read";

  /** The OpenID Connect scopes: they shape the tokens, not what Graph lets a caller read. */
  public static final Set<String> OIDC = Set.of(OFFLINE_ACCESS, OPENID, PROFILE, EMAIL);

  /** Every scope the sim grants, in a stable order. */
  public static final List<String> ALL =
      List.of(
          OFFLINE_ACCESS,
          OPENID,
          PROFILE,
          EMAIL,
          USER_READ,
          MAIL_READ,
          CALENDARS_READ,
          CONTACTS_READ,
          "User.ReadWrite",
          "Mail.ReadWrite",
          "Mail.ReadBasic",
          "Calendars.ReadWrite",
          "Contacts.ReadWrite");

  /** What an account grants when its spec names nothing: the eight scopes officeflow asks for. */
  public static final Set<String> DEFAULT_GRANTED = Set.copyOf(ALL.subList(0, 8));

  private Scopes() {}

  /** The short, canonically cased form of one scope; empty if the sim does not know it. */
  public static Optional<String> normalize(String scope) {
    String bare = scope.trim();
    if (bare.regionMatches(true, 0, GRAPH_PREFIX, 0, GRAPH_PREFIX.length())) {
      bare = bare.substring(GRAPH_PREFIX.length());
    }
    String lower = bare.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }

  /** Whether {@code scope} is {@code .default}, with or without Graph's prefix. */
  public static boolean isDefault(String scope) {
    String s = scope.trim();
    return s.equalsIgnoreCase(DEFAULT) || s.equalsIgnoreCase(GRAPH_PREFIX + DEFAULT);
  }

  /** A space-separated list as written in a request, in order, blanks dropped. */
  public static List<String> split(String spaceSeparated) {
    return List.of(spaceSeparated.trim().split("\\s+")).stream().filter(s -> !s.isBlank()).toList();
  }

  /** Normalizes every known scope and drops the unknown ones. */
  public static Set<String> normalizeAll(Iterable<String> scopes) {
    Set<String> out = new LinkedHashSet<>();
    scopes.forEach(s -> normalize(s).ifPresent(out::add));
    return out;
  }

  /**
   * Whether {@code granted} lets a caller do what {@code required} allows: the scope itself or its
   * {@code ReadWrite} sibling ({@code Mail.ReadWrite} reads mail too).
   */
  public static boolean satisfies(Set<String> granted, String required) {
    if (granted.contains(required)) {
      return true;
    }
    return required.endsWith(".Read")
        && granted.contains(
            required.substring(0, required.length() - ".Read".length()) + ".ReadWrite");
  }
}
