package dev.officeflow.graphsim.account;

import dev.officeflow.graphsim.web.GraphCall;
import dev.officeflow.graphsim.web.GraphException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The accounts the simulator serves, by address (case-insensitive) and by user id. The first one
 * created is the one sign-in picks when nobody is named. Thread-safe.
 */
public final class Accounts {

  private final Map<String, GraphAccount> byEmail = new ConcurrentHashMap<>();
  private final Map<String, GraphAccount> byId = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<Consumer<GraphAccount>> onCreate = new CopyOnWriteArrayList<>();
  private final Clock clock;

  public Accounts(Clock clock) {
    this.clock = clock;
  }

  /** Called with every account created from now on (subscriptions hook their listeners here). */
  public void onCreate(Consumer<GraphAccount> listener) {
    onCreate.add(listener);
  }

  /** Creates the account with freshly generated content, replacing one with the same address. */
  public GraphAccount create(AccountSpec spec) {
    GraphAccount account = new GraphAccount(spec, clock);
    if (byEmail.put(spec.email(), account) == null) {
      order.add(spec.email());
    }
    byId.put(account.id(), account);
    onCreate.forEach(l -> l.accept(account));
    return account;
  }

  public Optional<GraphAccount> byId(String id) {
    return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
  }

  public Optional<GraphAccount> byEmail(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  /** An account by user id or address, as Graph's {@code /users/{id | userPrincipalName}} takes. */
  public Optional<GraphAccount> byIdOrEmail(String key) {
    return key.contains("@") ? byEmail(key) : byId(key);
  }

  /** The first account created, if any. */
  public Optional<GraphAccount> first() {
    return order.isEmpty() ? Optional.empty() : byEmail(order.get(0));
  }

  /** Every account, in creation order. */
  public List<GraphAccount> all() {
    return order.stream().map(byEmail::get).filter(a -> a != null).toList();
  }

  /**
   * The mailbox a call past the guard reads: the token's account (404 if since removed); for a
   * {@code /users/{id}} path, 403 unless that names the same account.
   */
  public GraphAccount of(GraphCall call) {
    GraphAccount caller =
        byId(call.accountId())
            .orElseThrow(() -> new GraphException(404, "ResourceNotFound", "User not found."));
    call.request().header(UsersPath.TARGET).ifPresent(named -> requireSelf(caller, named));
    return caller;
  }

  /** A path naming a user ({@code /users/{id}}) reaches only the token's own mailbox. */
  private void requireSelf(GraphAccount caller, String named) {
    GraphAccount target =
        byIdOrEmail(named)
            .orElseThrow(
                () -> new GraphException(404, "ResourceNotFound", "User not found: " + named));
    if (!target.id().equals(caller.id())) {
      throw new GraphException(
          403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
  }

  public void clear() {
    byEmail.clear();
    byId.clear();
    order.clear();
  }
}
