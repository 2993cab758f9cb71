package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddressSealerTest {

  private static final String USER = "u-ana";
  private static final String HASH = "v1:" + "ab".repeat(32);
  private static final String ADDRESS = "bo.person@example.org";

  private final AddressSealer sealer = new AddressSealer("master-key", 1);

  @Test
  void aSealedAddressOpensToItself() {
    assertThat(sealer.open(USER, HASH, sealer.seal(USER, HASH, ADDRESS))).isEqualTo(ADDRESS);
  }

  @Test
  void theSealedFormHoldsNoTraceOfTheAddress() {
    String bytes = new String(sealer.seal(USER, HASH, ADDRESS), StandardCharsets.ISO_8859_1);

    assertThat(bytes).doesNotContain("bo.person").doesNotContain("example.org");
  }

  @Test
  void sealingTheSameAddressTwiceGivesTwoValues() {
    assertThat(sealer.seal(USER, HASH, ADDRESS)).isNotEqualTo(sealer.seal(USER, HASH, ADDRESS));
  }

  @Test
  void aSealedAddressDoesNotOpenForAnotherUserOrContact() {
    byte[] sealed = sealer.seal(USER, HASH, ADDRESS);

    assertThatThrownBy(() -> sealer.open("u-bo", HASH, sealed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("u-bo");
    assertThatThrownBy(() -> sealer.open(USER, "v1:" + "cd".repeat(32), sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anotherKeyVersionOrMasterKeyCannotOpenIt() {
    byte[] sealed = sealer.seal(USER, HASH, ADDRESS);

    assertThatThrownBy(() -> new AddressSealer("master-key", 2).open(USER, HASH, sealed))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AddressSealer("other-key", 1).open(USER, HASH, sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangedByteIsRefused() {
    byte[] sealed = sealer.seal(USER, HASH, ADDRESS);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> sealer.open(USER, HASH, sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
