package dev.officeflow.contacts.address;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How addresses become contact hashes ({@code officeflow.contacts.address.*}).
 *
 * @param hashKey the HMAC-SHA256 key of the contact hash ({@code
 *     officeflow.contacts.address.hash-key}, environment {@code CONTACTS_HASH_KEY}); default {@code
 *     officeflow-local-contacts-hash-key}, for local runs only: every deployment sets its own
 *     secret, and changing it makes every stored contact unreachable (the hashes no longer match)
 */
@ConfigurationProperties("officeflow.contacts.address")
record AddressSettings(@DefaultValue("officeflow-local-contacts-hash-key") String hashKey) {

  AddressSettings {
    if (hashKey.isBlank()) {
      throw new IllegalArgumentException("officeflow.contacts.address.hash-key must not be blank");
    }
  }
}
