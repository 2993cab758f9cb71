package dev.officeflow.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.user.testing.UserFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  private static final String KEY_1 = UserFixtures.rsaPem();
  private static final String KEY_2 = UserFixtures.rsaPem();

  @Test
  void theCurrentKeySignsAndEveryKeyIsPublishedWithoutItsPrivateHalf() {
    SigningKeys keys = SigningKeys.from(settings("k2", Map.of("k1", KEY_1, "k2", KEY_2)));

    assertThat(keys.current().getKeyID()).isEqualTo("k2");
    assertThat(keys.current().isPrivate()).isTrue();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> published = (List<Map<String, Object>>) keys.publicJwks().get("keys");
    assertThat(published).extracting(k -> k.get("kid")).containsExactly("k1", "k2");
    assertThat(published).allSatisfy(k -> assertThat(k).doesNotContainKeys("d", "p", "q"));
  }

  @Test
  void theSameConfigurationGivesTheSameKeys() {
    SigningKeys one = SigningKeys.from(settings("k1", Map.of("k1", KEY_1)));
    SigningKeys other = SigningKeys.from(settings("k1", Map.of("k1", KEY_1)));

    assertThat(other.current()).isEqualTo(one.current());
  }

  @Test
  void theCurrentKeyMustBeOneOfTheConfiguredKeys() {
    assertThatThrownBy(() -> SigningKeys.from(settings("k3", Map.of("k1", KEY_1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current-key-id 'k3' is not among the configured keys [k1]");
  }

  @Test
  void aKeyThatIsNoPemRsaKeyIsNamed() {
    assertThatThrownBy(() -> SigningKeys.from(settings("k1", Map.of("k1", "not a key"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("officeflow.user.session.keys.k1 is not a PKCS#8 PEM RSA key");
  }

  @Test
  void withoutConfiguredKeysOneIsGenerated() {
    SigningKeys keys = SigningKeys.from(settings("", Map.of()));

    assertThat(keys.all().getKeys()).containsExactly(keys.current());
  }

  private static SessionSettings settings(String current, Map<String, String> keys) {
    return new SessionSettings(Duration.ofMinutes(15), keys, current);
  }
}
