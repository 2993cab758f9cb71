package dev.officeflow.user.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for provider tokens at rest ({@code officeflow.user.token-encryption.*}).
 *
 * @param currentKeyId the key every new ciphertext is written with (default {@code dev-insecure},
 *     the built-in development key)
 * @param keys key id → base64 of a 32-byte AES key; every listed key still decrypts, so rotating
 *     means adding a key, making it current, and removing the old one once nothing uses it. Empty
 *     (the default) means the built-in development key {@value TokenCipher#DEV_KEY_ID} only.
 */
@ConfigurationProperties("officeflow.user.token-encryption")
public record TokenEncryptionSettings(
    @DefaultValue(TokenCipher.DEV_KEY_ID) String currentKeyId,
    @DefaultValue Map<String, String> keys) {}
