package dev.officeflow.googlesim.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The accounts the simulator knows, by address (case-insensitive). The first one created is the
 * default account that authorize picks when no {@code login_hint} names another. Thread-safe.
 */
public final class Accounts {

  private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<Consumer<Account>> onCreate = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private final Duration historyRetention;

  public Accounts(Clock clock, Duration historyRetention) {
    this.clock = clock;
    this.historyRetention = historyRetention;
  }

  /** Called for every account created from now on (push wiring subscribes here). */
  public void onCreate(Consumer<Account> listener) {
    onCreate.add(listener);
  }

  /** Creates the account with a freshly generated mailbox, replacing any with the same address. */
  public Account create(AccountSpec spec) {
    Account account = new Account(spec, clock, historyRetention);
    if (byEmail.put(spec.email(), account) == null) {
      order.add(spec.email());
    }
    onCreate.forEach(l -> l.accept(account));
    return account;
  }

  public Optional<Account> find(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
  }

  public Optional<Account> defaultAccount() {
    return order.isEmpty() ? Optional.empty() : find(order.get(0));
  }

  public List<Account> all() {
    List<Account> out = new ArrayList<>();
    order.forEach(e -> find(e).ifPresent(out::add));
    return out;
  }

  public void clear() {
    byEmail.clear();
    order.clear();
  }
}
