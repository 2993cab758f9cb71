package dev.officeflow.user.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.user.crypto.TokenCipher.Binding;
import dev.officeflow.user.testing.UserFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private static final String KEY_1 = UserFixtures.aesKey();
  private static final String KEY_2 = UserFixtures.aesKey();
  private static final String TOKEN = "ya29.a0AfH6SMB-secret-access-token";
  private static final Binding ANA = new Binding("user-ana", "google", "access_token");

  private final TokenCipher keyOne = cipher("k1", Map.of("k1", KEY_1));
  private final TokenCipher keyTwoCurrent = cipher("k2", Map.of("k1", KEY_1, "k2", KEY_2));

  @Test
  void decryptsWhatItEncryptedForTheSameBinding() {
    assertThat(keyOne.decrypt(keyOne.encrypt(TOKEN, ANA), ANA)).isEqualTo(TOKEN);
  }

  @Test
  void ciphertextHoldsNeitherTheTokenNorItsBase64() {
    String raw = new String(keyOne.encrypt(TOKEN, ANA), StandardCharsets.ISO_8859_1);

    assertThat(raw).doesNotContain(TOKEN).doesNotContain("ya29");
  }

  @Test
  void ciphertextCopiedToAnotherUserDoesNotDecrypt() {
    byte[] anas = keyOne.encrypt(TOKEN, ANA);

    assertThatThrownBy(
            () -> keyOne.decrypt(anas, new Binding("user-ben", "google", "access_token")))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("user-ben");
  }

  @Test
  void ciphertextOfAnotherProviderDoesNotDecrypt() {
    byte[] google = keyOne.encrypt(TOKEN, ANA);

    assertThatThrownBy(
            () -> keyOne.decrypt(google, new Binding("user-ana", "microsoft", "access_token")))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void accessTokenCiphertextDoesNotDecryptAsTheRefreshToken() {
    byte[] access = keyOne.encrypt(TOKEN, ANA);

    assertThatThrownBy(
            () -> keyOne.decrypt(access, new Binding("user-ana", "google", "refresh_token")))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void tamperedCiphertextDoesNotDecrypt() {
    byte[] sealed = keyOne.encrypt(TOKEN, ANA);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> keyOne.decrypt(sealed, ANA))
        .isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void dataWrittenUnderKeyOneStillReadsAfterKeyTwoBecomesCurrent() {
    byte[] old = keyOne.encrypt(TOKEN, ANA);

    assertThat(keyTwoCurrent.decrypt(old, ANA)).isEqualTo(TOKEN);
  }

  @Test
  void newWritesNameTheCurrentKey() {
    assertThat(TokenCipher.keyIdOf(keyOne.encrypt(TOKEN, ANA))).isEqualTo("k1");
    assertThat(TokenCipher.keyIdOf(keyTwoCurrent.encrypt(TOKEN, ANA))).isEqualTo("k2");
  }

  @Test
  void ciphertextUnderARemovedKeyFailsNamingTheKey() {
    byte[] newer = keyTwoCurrent.encrypt(TOKEN, ANA);

    assertThatThrownBy(() -> keyOne.decrypt(newer, ANA))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("unknown key id 'k2'");
  }

  @Test
  void currentKeyMustBeOneOfTheConfiguredKeys() {
    assertThatThrownBy(() -> cipher("k3", Map.of("k1", KEY_1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k3'");
  }

  @Test
  void keysMustBe256Bits() {
    assertThatThrownBy(() -> cipher("short", Map.of("short", "c2hvcnQ=")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void withoutAConfiguredKeyTheCipherRefusesToExist() {
    assertThatThrownBy(() -> cipher("k1", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("officeflow.user.token-encryption.keys: no key configured");
  }

  private static TokenCipher cipher(String current, Map<String, String> keys) {
    return new TokenCipher(new TokenEncryptionSettings(current, keys));
  }
}
