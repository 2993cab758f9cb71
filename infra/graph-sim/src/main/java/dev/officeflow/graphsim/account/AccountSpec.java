package dev.officeflow.graphsim.account;

import dev.officeflow.graphsim.identity.Scopes;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.simkit.web.Json;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated Microsoft 365 account: who it is, what the kit's generator puts in its mailbox,
 * calendar and contacts, and what it consents to.
 *
 * @param seed same seed, address and anchor → the same content, byte for byte
 * @param recentMessages messages in the last 30 days (inbox and sent items together)
 * @param olderMessages messages 30–60 days back
 * @param events events whose first occurrence lies between 30 days back and 2 days ahead
 * @param olderEvents events 31–60 days back
 * @param contacts personal contacts ({@code /me/contacts})
 * @param grantedScopes short forms ({@code Mail.Read}); default {@link Scopes#DEFAULT_GRANTED}
 * @param denyConsent true makes every consent fail
 */
public record AccountSpec(
    String email,
    String displayName,
    long seed,
    int recentMessages,
    int olderMessages,
    int events,
    int olderEvents,
    int contacts,
    Set<String> grantedScopes,
    boolean denyConsent) {

  public AccountSpec {
    email = email.toLowerCase(Locale.ROOT);
    if (!email.contains("@")) {
      throw new IllegalArgumentException("not an email address: " + email);
    }
    if (contacts < 0) {
      throw new IllegalArgumentException("contacts must not be negative");
    }
    grantedScopes = Set.copyOf(grantedScopes);
    new MailboxSpec(seed, recentMessages, olderMessages, events, olderEvents);
  }

  /**
   * A small account for quick tests: 120 recent + 40 older messages, 30 + 10 events, 20 contacts,
   * seeded from the address, with the default grants.
   */
  public static AccountSpec of(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@')));
    return new AccountSpec(
        email,
        nameFrom(local),
        email.toLowerCase(Locale.ROOT).hashCode(),
        120,
        40,
        30,
        10,
        20,
        Scopes.DEFAULT_GRANTED,
        false);
  }

  /**
   * The demo size of the acceptance criteria: 2,000 + 500 messages, 300 + 100 events, 200 contacts.
   */
  public static AccountSpec demo(String email) {
    return of(email).withMailbox(1, 2000, 500, 300, 100).withContacts(200);
  }

  private static String nameFrom(String local) {
    StringBuilder out = new StringBuilder();
    for (String part : local.split("[._-]")) {
      if (!part.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ")
            .append(Character.toUpperCase(part.charAt(0)))
            .append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** The generator's view of this spec. */
  public MailboxSpec mailbox() {
    return new MailboxSpec(seed, recentMessages, olderMessages, events, olderEvents);
  }

  public AccountSpec withDisplayName(String name) {
    return copy(c -> c.displayName = name);
  }

  public AccountSpec withMailbox(long newSeed, int recent, int older, int newEvents, int olderEv) {
    return copy(
        c -> {
          c.seed = newSeed;
          c.recentMessages = recent;
          c.olderMessages = older;
          c.events = newEvents;
          c.olderEvents = olderEv;
        });
  }

  public AccountSpec withContacts(int count) {
    return copy(c -> c.contacts = count);
  }

  public AccountSpec withGrantedScopes(Set<String> scopes) {
    return copy(c -> c.grantedScopes = scopes);
  }

  /** The grants without {@code scope} (e.g. an account that refuses {@code Calendars.Read}). */
  public AccountSpec withoutScope(String scope) {
    Set<String> rest = new LinkedHashSet<>(grantedScopes);
    rest.remove(scope);
    return withGrantedScopes(rest);
  }

  public AccountSpec withDenyConsent(boolean deny) {
    return copy(c -> c.denyConsent = deny);
  }

  /**
   * Reads the JSON form of the config file and the admin API; absent fields take {@link #of}'s
   * values. Scopes may carry Graph's {@code https://graph.microsoft.com/} prefix.
   */
  public static AccountSpec fromJson(JsonNode node) {
    String email = Json.text(node, "email", "");
    if (email.isBlank()) {
      throw new IllegalArgumentException("an account needs an email");
    }
    AccountSpec base = of(email);
    Set<String> scopes = base.grantedScopes();
    if (node.path("grantedScopes").isArray()) {
      Set<String> named = new LinkedHashSet<>();
      node.get("grantedScopes").forEach(s -> named.add(s.asString()));
      scopes = Scopes.normalizeAll(named);
    }
    return new AccountSpec(
        email,
        Json.text(node, "displayName", base.displayName()),
        node.path("seed").asLong(base.seed()),
        node.path("recentMessages").asInt(base.recentMessages()),
        node.path("olderMessages").asInt(base.olderMessages()),
        node.path("events").asInt(base.events()),
        node.path("olderEvents").asInt(base.olderEvents()),
        node.path("contacts").asInt(base.contacts()),
        scopes,
        node.path("denyConsent").asBoolean(false));
  }

  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("email", email)
        .put("displayName", displayName)
        .put("seed", seed)
        .put("recentMessages", recentMessages)
        .put("olderMessages", olderMessages)
        .put("events", events)
        .put("olderEvents", olderEvents)
        .put("contacts", contacts);
    grantedScopes.stream().sorted().forEach(out.putArray("grantedScopes")::add);
    out.put("denyConsent", denyConsent);
    return out;
  }

  /** This spec with what {@code change} sets changed: every wither's one constructor call. */
  private AccountSpec copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /**
   * The components as fields, for {@link #copy}; the canonical constructor validates the result.
   */
  private static final class Copy {
    private final String email;
    private String displayName;
    private long seed;
    private int recentMessages;
    private int olderMessages;
    private int events;
    private int olderEvents;
    private int contacts;
    private Set<String> grantedScopes;
    private boolean denyConsent;

    private Copy(AccountSpec s) {
      email = s.email;
      displayName = s.displayName;
      seed = s.seed;
      recentMessages = s.recentMessages;
      olderMessages = s.olderMessages;
      events = s.events;
      olderEvents = s.olderEvents;
      contacts = s.contacts;
      grantedScopes = s.grantedScopes;
      denyConsent = s.denyConsent;
    }

    private AccountSpec build() {
      return new AccountSpec(
          email,
          displayName,
          seed,
          recentMessages,
          olderMessages,
          events,
          olderEvents,
          contacts,
          grantedScopes,
          denyConsent);
    }
  }
}
