package dev.officeflow.user.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for provider tokens at rest ({@code officeflow.user.token-encryption.*}). No default: the
 * service refuses to start without a key, production refuses the local profile's development key
 * ({@code dev-insecure}, public on purpose).
 *
 * @param currentKeyId the key every new ciphertext is written with ({@code
 *     TOKEN_ENCRYPTION_CURRENT_KEY_ID}); must be one of {@code keys}
 * @param keys key id → base64 of a 32-byte AES key ({@code
 *     OFFICEFLOW_USER_TOKEN_ENCRYPTION_KEYS_<ID>}); every listed key still decrypts, so rotating
 *     means adding a key, making it current, and removing the old one once nothing uses it
 */
@ConfigurationProperties("officeflow.user.token-encryption")
public record TokenEncryptionSettings(
    @DefaultValue("") String currentKeyId, @DefaultValue Map<String, String> keys) {}
