package dev.officeflow.graphsim.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A directory tests fill and change by hand. */
final class TestDirectory implements Directory {

  private final Map<String, DirectoryUser> byId = new LinkedHashMap<>();

  synchronized TestDirectory put(DirectoryUser user) {
    byId.put(user.id(), user);
    return this;
  }

  @Override
  public synchronized Optional<DirectoryUser> byEmail(String email) {
    String lower = email.toLowerCase(Locale.ROOT);
    return byId.values().stream()
        .filter(u -> u.email().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  @Override
  public synchronized Optional<DirectoryUser> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<DirectoryUser> first() {
    return byId.values().stream().findFirst();
  }
}
