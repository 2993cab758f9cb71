package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ContactHasherTest {

  private static final NormalizedAddress BO = Addresses.normalize("bo@example.org").orElseThrow();

  private final ContactHasher hasher = new ContactHasher("master-key", 1);

  @Test
  void oneAddressHashesDifferentlyForTwoUsers() {
    assertThat(hasher.hash("u-ana", BO)).isNotEqualTo(hasher.hash("u-cy", BO));
  }

  @Test
  void theSameUserAndAddressHashTheSameInEveryProcessWithTheSameKey() {
    ContactHasher restarted = new ContactHasher("master-key", 1);

    assertThat(restarted.hash("u-ana", BO)).isEqualTo(hasher.hash("u-ana", BO));
  }

  @Test
  void aHashIsTheHmacOfTheAddressUnderTheUsersHkdfKey() throws Exception {
    byte[] prk = Hkdf.extract(ContactHasher.SALT, bytes("master-key"));
    byte[] userKey = Hkdf.expand(prk, bytes("officeflow contact hash v1:u-ana"), 32);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(userKey, "HmacSHA256"));

    assertThat(hasher.hash("u-ana", BO))
        .isEqualTo("v1:" + HexFormat.of().formatHex(mac.doFinal(bytes("bo@example.org"))));
  }

  @Test
  void theDerivationDoesNotChangeUnnoticed() {
    // Every stored hash depends on it: a change here makes every stored contact unreachable. The
    // value comes from Python's hmac module, outside this code.
    assertThat(hasher.hash("u-ana", BO))
        .isEqualTo("v1:535d6f9011646b77d2f80e570ec84a6d9754b4ddb042b292bf7961f9bc81568f");
  }

  @Test
  void everyHashNamesItsKeyVersion() {
    String hash = new ContactHasher("master-key", 12).hash("u-ana", BO);

    assertThat(hash).startsWith("v12:").hasSize(4 + 64);
    assertThat(ContactHasher.isHash(hash)).isTrue();
  }

  @Test
  void anotherVersionOrAnotherKeyHashesDifferently() {
    String hash = hasher.hash("u-ana", BO);

    assertThat(new ContactHasher("master-key", 2).hash("u-ana", BO).substring(3))
        .isNotEqualTo(hash.substring(3));
    assertThat(new ContactHasher("other-key", 1).hash("u-ana", BO)).isNotEqualTo(hash);
  }

  @Test
  void hashesOfUsersInTurnOnOneThreadKeepTheirOwnKeys() {
    String ana = hasher.hash("u-ana", BO);
    String cy = hasher.hash("u-cy", BO);

    assertThat(hasher.hash("u-ana", BO)).isEqualTo(ana);
    assertThat(new ContactHasher("master-key", 1).hash("u-cy", BO)).isEqualTo(cy);
  }

  @Test
  void theKeyCheckFollowsKeyAndVersionAndRevealsNeither() {
    String check = hasher.keyCheck();

    assertThat(new ContactHasher("master-key", 1).keyCheck()).isEqualTo(check);
    assertThat(new ContactHasher("master-key", 2).keyCheck()).isNotEqualTo(check);
    assertThat(new ContactHasher("other-key", 1).keyCheck()).isNotEqualTo(check);
    assertThat(check).hasSize(64).doesNotContain(HexFormat.of().formatHex(bytes("master-key")));
  }

  @Test
  void onlyVersionedLowerCaseHashesHaveTheShapeOfAHash() {
    String hex = "0123456789abcdef".repeat(4);

    assertThat(ContactHasher.isHash("v1:" + hex)).isTrue();
    assertThat(ContactHasher.isHash(hex)).isFalse();
    assertThat(ContactHasher.isHash("v0:" + hex)).isFalse();
    assertThat(ContactHasher.isHash("v1:" + hex.toUpperCase(java.util.Locale.ROOT))).isFalse();
    assertThat(ContactHasher.isHash("v1:" + hex.substring(1))).isFalse();
  }

  @Test
  void aVersionBelowOneIsRefused() {
    assertThatThrownBy(() -> new ContactHasher("master-key", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
