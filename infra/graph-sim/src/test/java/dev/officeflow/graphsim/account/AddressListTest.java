package dev.officeflow.graphsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressListTest {

  @Test
  void quotedNamesWithCommasStayOneRecipient() {
    assertThat(AddressList.parse("\"Doe, Jane\" <jane@x.test>, bob@y.test, Dr. Who <who@z.test>"))
        .containsExactly(
            new Recipient("Doe, Jane", "jane@x.test"),
            new Recipient("", "bob@y.test"),
            new Recipient("Dr. Who", "who@z.test"));
  }

  @Test
  void escapedQuotesInsideANameAreUnescaped() {
    assertThat(AddressList.parse("\"Ann \\\"Nan\\\" Lee\" <ann@x.test>"))
        .containsExactly(new Recipient("Ann \"Nan\" Lee", "ann@x.test"));
  }

  @Test
  void anEmptyHeaderHasNoRecipients() {
    assertThat(AddressList.parse("")).isEmpty();
  }
}
