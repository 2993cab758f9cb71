package dev.officeflow.office.providers.microsoft;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The provider's name, and the Graph permissions that let the office read mail, calendars and
 * contacts. The identity platform answers granted scopes in their short form ({@code Mail.Read}); a
 * grant stored with Graph's resource prefix ({@code https://graph.microsoft.com/Mail.Read}) reads
 * the same, so each set holds both spellings.
 */
public final class MicrosoftScopes {

  /** The provider name integrations, jobs and events carry. */
  public static final String PROVIDER = "microsoft";

  static final String GRAPH_RESOURCE = "https://graph.microsoft.com/";

  /** Any of these reads messages ({@code ReadBasic} has no bodies, which the office needs not). */
  public static final Set<String> MAIL_READ =
      bothSpellings("Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic");

  public static final Set<String> CALENDARS_READ =
      bothSpellings("Calendars.Read", "Calendars.ReadWrite");

  public static final Set<String> CONTACTS_READ =
      bothSpellings("Contacts.Read", "Contacts.ReadWrite");

  /**
   * What the office asks for when a user connects Microsoft: sign-in, a refresh token, and read
   * access to the three sources.
   */
  public static final Set<String> REQUESTED =
      Set.of(
          "openid",
          "email",
          "offline_access",
          "User.Read",
          "Mail.Read",
          "Calendars.Read",
          "Contacts.Read");

  private MicrosoftScopes() {}

  private static Set<String> bothSpellings(String... scopes) {
    return Stream.of(scopes)
        .flatMap(s -> Stream.of(s, GRAPH_RESOURCE + s))
        .collect(Collectors.toUnmodifiableSet());
  }
}
