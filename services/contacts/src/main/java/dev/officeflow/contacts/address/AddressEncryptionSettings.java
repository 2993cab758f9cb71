package dev.officeflow.contacts.address;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Master keys for contact addresses at rest ({@code officeflow.contacts.address.encryption.*}),
 * from which each user's address key is derived ({@link AddressCipher}). No default: the service
 * refuses to start without a key, and production refuses the local profile's development key
 * ({@code dev-insecure}, public on purpose).
 *
 * @param currentKeyId the key every address is sealed with from now on ({@code
 *     CONTACTS_ADDRESS_KEY_ID}); must be one of {@code keys}
 * @param keys key id → base64 of 32 random bytes ({@code
 *     OFFICEFLOW_CONTACTS_ADDRESS_ENCRYPTION_KEYS_<ID>}, the id read in lower case); every listed
 *     key still opens what it sealed, so rotating means adding a key, making it current, and
 *     removing the old one once no row names it ({@code contacts.address_key_id}): a contact's
 *     address is sealed again under the current key with its next interaction
 */
@ConfigurationProperties("officeflow.contacts.address.encryption")
record AddressEncryptionSettings(
    @DefaultValue("") String currentKeyId, @DefaultValue Map<String, String> keys) {}
