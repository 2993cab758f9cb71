package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.contacts.address.UnreadableAddressException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressCipherTest {

  private static final String USER = "u-ana";
  private static final String HASH = "v1:" + "ab".repeat(32);
  private static final String ADDRESS = "bo.person@example.org";
  private static final String K1 = key('1');
  private static final String K2 = key('2');

  private final AddressCipher cipher = cipher("k1", Map.of("k1", K1));
  private final byte[] salt = cipher.newSalt();

  @Test
  void aSealedAddressOpensToItselfAndNamesTheCurrentKey() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(cipher.forUser(USER, salt).open(HASH, sealed)).isEqualTo(ADDRESS);
  }

  @Test
  void theSealedFormHoldsNoTraceOfTheAddressAndNeverTheSameBytesTwice() {
    SealedAddress one = cipher.forUser(USER, salt).seal(HASH, ADDRESS);
    SealedAddress two = cipher.forUser(USER, salt).seal(HASH, ADDRESS);

    assertThat(new String(one.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("bo.person")
        .doesNotContain("example.org");
    assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext());
    assertThat(one.toString()).doesNotContain("bo.person");
  }

  @Test
  void aSealedAddressDoesNotOpenForAnotherUserOrContact() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);

    assertThatThrownBy(() -> cipher.forUser("u-bo", salt).open(HASH, sealed))
        .isInstanceOfSatisfying(
            UnreadableAddressException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.DOES_NOT_OPEN))
        .hasMessageContaining("u-bo")
        .hasMessageNotContaining(ADDRESS);
    assertThatThrownBy(() -> cipher.forUser(USER, salt).open("v1:" + "cd".repeat(32), sealed))
        .isInstanceOf(UnreadableAddressException.class);
  }

  @Test
  void withoutTheUsersSaltNothingOpensEvenWithTheMasterKey() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);

    assertThatThrownBy(() -> cipher.forUser(USER, cipher.newSalt()).open(HASH, sealed))
        .isInstanceOfSatisfying(
            UnreadableAddressException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.DOES_NOT_OPEN));
  }

  @Test
  void aChangedByteDoesNotOpen() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);
    byte[] changed = Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length);
    changed[changed.length - 1] ^= 1;

    assertThatThrownBy(
            () -> cipher.forUser(USER, salt).open(HASH, new SealedAddress("k1", changed)))
        .isInstanceOf(UnreadableAddressException.class);
  }

  @Test
  void anAddressSealedUnderAKeyNoLongerConfiguredFailsNamingTheKeyId() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);
    AddressCipher rotated = cipher("k2", Map.of("k2", K2));

    assertThatThrownBy(() -> rotated.forUser(USER, salt).open(HASH, sealed))
        .isInstanceOfSatisfying(
            UnreadableAddressException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_ID))
        .hasMessageContaining("key id 'k1'")
        .hasMessageContaining("[k2]")
        .hasMessageContaining("officeflow.contacts.address.encryption.keys");
  }

  @Test
  void afterARotationOldAddressesStillOpenAndNewOnesUseTheNewKey() {
    SealedAddress old = cipher.forUser(USER, salt).seal(HASH, ADDRESS);
    AddressCipher rotated = cipher("k2", Map.of("k1", K1, "k2", K2));

    assertThat(rotated.forUser(USER, salt).open(HASH, old)).isEqualTo(ADDRESS);
    assertThat(rotated.forUser(USER, salt).seal(HASH, ADDRESS).keyId()).isEqualTo("k2");
  }

  @Test
  void aKeyIdClaimedFalselyDoesNotOpen() {
    SealedAddress sealed = cipher.forUser(USER, salt).seal(HASH, ADDRESS);
    AddressCipher both = cipher("k1", Map.of("k1", K1, "k2", K2));

    assertThatThrownBy(
            () -> both.forUser(USER, salt).open(HASH, new SealedAddress("k2", sealed.ciphertext())))
        .isInstanceOf(UnreadableAddressException.class);
  }

  @Test
  void startingWithoutAKeyOrWithAnUnknownCurrentKeyIdFailsNamingTheSetting() {
    assertThatThrownBy(() -> cipher("k1", Map.of()))
        .hasMessageContaining("officeflow.contacts.address.encryption.keys");
    assertThatThrownBy(() -> cipher("k9", Map.of("k1", K1)))
        .hasMessageContaining("current-key-id 'k9'")
        .hasMessageContaining("[k1]");
  }

  @Test
  void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefused() {
    assertThatThrownBy(() -> cipher("k1", Map.of("k1", "c2hvcnQ=")))
        .hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> cipher("k1", Map.of("k1", "not base64!")))
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> cipher("k:1", Map.of("k:1", K1))).hasMessageContaining("key id");
  }

  private static AddressCipher cipher(String current, Map<String, String> keys) {
    return new AddressCipher(new AddressEncryptionSettings(current, keys));
  }

  private static String key(char fill) {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) fill);
    return Base64.getEncoder().encodeToString(raw);
  }
}
