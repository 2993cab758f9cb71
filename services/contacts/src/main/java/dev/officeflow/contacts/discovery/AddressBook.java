package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.address.DisplayNames;
import dev.officeflow.contacts.address.NormalizedAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the addresses of one item of one user against the user's own addresses: each becomes the
 * user's hash of it, a domain and a cleaned name, or nothing when it is not an address.
 */
final class AddressBook {

  /** One resolved address. */
  record Resolved(String hash, NormalizedAddress address, @Nullable String displayName) {

    Participant participant() {
      return new Participant(address, displayName);
    }
  }

  private final ContactHasher hasher;
  private final String userId;
  private final Set<String> own;
  private final Map<String, String> names;

  AddressBook(
      ContactHasher hasher, String userId, Set<String> ownHashes, Map<String, String> names) {
    this.hasher = hasher;
    this.userId = userId;
    this.own = ownHashes;
    this.names = names;
  }

  Optional<Resolved> resolve(@Nullable String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    return Addresses.normalize(raw)
        .map(address -> new Resolved(hasher.hash(userId, address), address, name(raw)));
  }

  boolean isOwn(Resolved resolved) {
    return own.contains(resolved.hash());
  }

  private @Nullable String name(String raw) {
    String name = names.get(raw);
    if (name == null) {
      name =
          names.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(raw.strip()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    return name == null ? null : DisplayNames.clean(name).orElse(null);
  }
}
