package dev.officeflow.graphsim.subscriptions;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Outlook collection a subscription watches, or a change happened in: the messages of one
 * well-known folder (inbox, sentitems) or of the whole mailbox, the events, or the contacts.
 *
 * @param folder the well-known folder name in lower case, or null for every folder
 */
public record ResourcePath(Kind kind, @Nullable String folder) {

  /** The three Outlook resources Graph notifies about, with what a notification names them by. */
  public enum Kind {
    MESSAGES("Messages", "#Microsoft.Graph.Message", "Mail.Read"),
    EVENTS("Events", "#Microsoft.Graph.Event", "Calendars.Read"),
    CONTACTS("Contacts", "#Microsoft.Graph.Contact", "Contacts.Read");

    private final String segment;
    private final String odataType;
    private final String scope;

    Kind(String segment, String odataType, String scope) {
      this.segment = segment;
      this.odataType = odataType;
      this.scope = scope;
    }

    /**
     * The collection's name in a notification's {@code resource}: {@code Users/{id}/Messages/..}.
     */
    public String segment() {
      return segment;
    }

    public String odataType() {
      return odataType;
    }

    /** The delegated scope that reading (and so subscribing to) the collection needs. */
    public String scope() {
      return scope;
    }
  }

  /** Where a resource path points: {@code me}, or the user key of {@code users/{key}/...}. */
  public record Owned(@Nullable String userKey, ResourcePath path) {}

  // mailFolders('inbox')/messages and mailFolders/inbox/messages name the same folder in Graph.
  private static final Pattern FOLDER =
      Pattern.compile("mailfolders(?:\\('([^']+)'\\)|/([^/]+))/messages");

  /**
   * Reads a subscription's {@code resource} ({@code me/events}, {@code /users/{id}/messages},
   * {@code me/mailFolders('Inbox')/messages}, ...); empty when graph-sim cannot watch it.
   */
  public static Optional<Owned> parse(String resource) {
    String r = resource.strip();
    r = r.startsWith("/") ? r.substring(1) : r;
    String lower = r.toLowerCase(Locale.ROOT);
    if (lower.startsWith("me/")) {
      return collection(lower.substring(3)).map(p -> new Owned(null, p));
    }
    int slash = lower.indexOf('/', 6);
    if (!lower.startsWith("users/") || slash < 0) {
      return Optional.empty();
    }
    String key = unquote(r.substring(6, slash));
    return collection(lower.substring(slash + 1)).map(p -> new Owned(key, p));
  }

  private static Optional<ResourcePath> collection(String rest) {
    switch (rest) {
      case "messages":
        return Optional.of(new ResourcePath(Kind.MESSAGES, null));
      case "events":
        return Optional.of(new ResourcePath(Kind.EVENTS, null));
      case "contacts":
        return Optional.of(new ResourcePath(Kind.CONTACTS, null));
      default:
        Matcher m = FOLDER.matcher(rest);
        if (!m.matches()) {
          return Optional.empty();
        }
        String folder = m.group(1) != null ? m.group(1) : m.group(2);
        return folder.equals("inbox") || folder.equals("sentitems")
            ? Optional.of(new ResourcePath(Kind.MESSAGES, folder))
            : Optional.empty();
    }
  }

  private static String unquote(String key) {
    return key.length() > 1 && key.startsWith("'") && key.endsWith("'")
        ? key.substring(1, key.length() - 1)
        : key;
  }

  /**
   * Whether a change announced for {@code changed} is one this path watches. Accounts announce a
   * message change twice, for its folder and for {@code me/messages}, so the paths must be equal: a
   * mailbox-wide subscription then hears each change once.
   */
  public boolean covers(ResourcePath changed) {
    return equals(changed);
  }
}
