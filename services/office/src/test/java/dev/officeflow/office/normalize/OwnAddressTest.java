package dev.officeflow.office.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnAddressTest {

  @Test
  void gmailIgnoresDotsTagsCaseAndGooglemail() {
    assertThat(OwnAddress.matches("Jane.Doe+work@googlemail.com", "janedoe@gmail.com")).isTrue();
  }

  @Test
  void otherDomainsKeepTheirDots() {
    assertThat(OwnAddress.matches("jane.doe@acme.test", "janedoe@acme.test")).isFalse();
  }

  @Test
  void tagsAreIgnoredOnEveryDomain() {
    assertThat(OwnAddress.matches("jane+lists@acme.test", "JANE@acme.test")).isTrue();
  }
}
