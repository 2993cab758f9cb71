package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

  @Test
  void gmailSpellingsNormaliseToOneAddress() {
    assertThat(Addresses.normalize("\"Ana\" <Ana.Berg+work@GoogleMail.com.>").orElseThrow().value())
        .isEqualTo("anaberg@gmail.com");
    assertThat(Addresses.normalize("a.n.a.berg@gmail.com").orElseThrow().value())
        .isEqualTo("anaberg@gmail.com");
  }

  @Test
  void otherDomainsKeepDotsAndTagsButLoseCaseBracketsAndTrailingDots() {
    assertThat(Addresses.normalize(" <Bo.Lind+x@Example.ORG.> ").orElseThrow().value())
        .isEqualTo("bo.lind+x@example.org");
  }

  @Test
  void aMailtoPrefixIsDroppedOnce() {
    assertThat(Addresses.normalize("<MAILTO:Bo@Example.org>").orElseThrow().value())
        .isEqualTo("bo@example.org");
    assertThat(Addresses.normalize("mailto:mailto:bo@example.org").orElseThrow().value())
        .isEqualTo("mailto:bo@example.org");
    assertThat(Addresses.normalize("mailto:")).isEmpty();
  }

  @Test
  void textWithoutAnAddressIsRefused() {
    assertThat(Addresses.normalize("undisclosed-recipients:;")).isEmpty();
    assertThat(Addresses.normalize("@example.org")).isEmpty();
  }
}
