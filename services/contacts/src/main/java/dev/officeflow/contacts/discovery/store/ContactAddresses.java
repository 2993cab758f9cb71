package dev.officeflow.contacts.discovery.store;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.address.SealedAddress;
import dev.officeflow.contacts.address.UserAddressKeys;
import dev.officeflow.contacts.discovery.ItemChange;
import dev.officeflow.contacts.discovery.Participant;
import dev.officeflow.contacts.discovery.store.InteractionStore.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Seals the address of each contact a batch upserted that has none yet, or one under a master key
 * that is no longer current, from the messages being written (the only place an address is in
 * hand): so every contact with a new interaction can be shown by its address. Joins the batch's
 * transaction, which already holds the rows it updates, so it takes no new row lock.
 */
final class ContactAddresses {

  private static final String SEAL =
      """
      UPDATE contacts c SET address_ciphertext = decode(a.sealed, 'hex'), address_key_id = :keyId
      FROM unnest(:users::text[], :hashes::text[], :sealed::text[]) AS a(user_id, hash, sealed)
      WHERE c.user_id = a.user_id AND c.contact_hash = a.hash
      """;

  private final DatabaseClient db;
  private final AddressCipher cipher;
  private final UserAddressKeys keys;

  ContactAddresses(DatabaseClient db, AddressCipher cipher, UserAddressKeys keys) {
    this.db = db;
    this.cipher = cipher;
    this.keys = keys;
  }

  /** True when a contact whose address is sealed under {@code keyId} needs it sealed again. */
  boolean needsSealing(@Nullable String keyId) {
    return !cipher.currentKeyId().equals(keyId);
  }

  /** Seals the addresses of {@code contacts} that the changes name; in the caller's transaction. */
  Mono<Void> seal(List<ItemChange> changes, Set<Pair> contacts) {
    Map<Pair, String> addresses = addresses(changes, contacts);
    if (addresses.isEmpty()) {
      return Mono.empty();
    }
    List<String> users = addresses.keySet().stream().map(Pair::user).distinct().toList();
    return keys.salts(users).flatMap(salts -> update(addresses, salts));
  }

  private static Map<Pair, String> addresses(List<ItemChange> changes, Set<Pair> contacts) {
    Map<Pair, String> out = new LinkedHashMap<>();
    for (ItemChange change : changes) {
      for (Map.Entry<String, Participant> p : change.participants().entrySet()) {
        Pair pair = new Pair(change.userId(), p.getKey());
        if (contacts.contains(pair)) {
          out.putIfAbsent(pair, p.getValue().address().value());
        }
      }
    }
    return out;
  }

  private Mono<Void> update(Map<Pair, String> addresses, Map<String, byte[]> salts) {
    Map<String, AddressCipher.UserKeys> userKeys = new HashMap<>();
    List<String> users = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<String> sealed = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    addresses.forEach(
        (pair, address) -> {
          AddressCipher.UserKeys key =
              userKeys.computeIfAbsent(
                  pair.user(),
                  user -> cipher.forUser(user, Objects.requireNonNull(salts.get(user))));
          SealedAddress value = key.seal(pair.hash(), address);
          users.add(pair.user());
          hashes.add(pair.hash());
          sealed.add(hex.formatHex(value.ciphertext()));
        });
    return db.sql(SEAL)
        .bind("keyId", cipher.currentKeyId())
        .bind("users", users.toArray(String[]::new))
        .bind("hashes", hashes.toArray(String[]::new))
        .bind("sealed", sealed.toArray(String[]::new))
        .then();
  }
}
