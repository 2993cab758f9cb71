package dev.officeflow.contacts.address;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the contact hash ({@code contacts.hash.key}, environment {@code CONTACTS_HASH_KEY}).
 * The default is for local runs only: every deployment sets its own secret, and changing it makes
 * every stored contact unreachable (the hashes no longer match).
 *
 * @param key HMAC-SHA256 key; default {@code officeflow-local-contacts-hash-key}
 */
@ConfigurationProperties("contacts.hash")
public record HashSettings(@DefaultValue("officeflow-local-contacts-hash-key") String key) {

  public HashSettings {
    if (key.isBlank()) {
      throw new IllegalArgumentException("contacts.hash.key must not be blank");
    }
  }
}
