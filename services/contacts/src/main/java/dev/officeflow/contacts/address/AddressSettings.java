package dev.officeflow.contacts.address;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How addresses become contact hashes ({@code officeflow.contacts.address.*}): each user's hash key
 * is derived from one master key and its version ({@link ContactHasher}).
 *
 * @param hashKey the master key ({@code officeflow.contacts.address.hash-key}, environment {@code
 *     CONTACTS_HASH_KEY}); required, no default: every deployment sets its own secret (the local
 *     profile's development key is refused in production, ProductionGuard)
 * @param hashKeyVersion the master key's version ({@code hash-key-version}, environment {@code
 *     CONTACTS_HASH_KEY_VERSION}), named by every hash; default 1. A new key needs a new version:
 *     at start, hashes of another version are forgotten (they can no longer match), and a changed
 *     key under an unchanged version stops the service ({@link HashKeyRotation})
 */
@ConfigurationProperties("officeflow.contacts.address")
record AddressSettings(@Nullable String hashKey, @DefaultValue("1") int hashKeyVersion) {

  AddressSettings {
    if (hashKey == null || hashKey.isBlank()) {
      throw new IllegalArgumentException(
          "officeflow.contacts.address.hash-key is not set (CONTACTS_HASH_KEY): the secret contact"
              + " hashes are derived from");
    }
    if (hashKeyVersion < 1) {
      throw new IllegalArgumentException(
          "officeflow.contacts.address.hash-key-version must be positive, not " + hashKeyVersion);
    }
  }
}
