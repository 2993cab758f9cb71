package dev.officeflow.contacts.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  @Test
  void encodedWordsInsideQuotesAreDecoded() {
    assertThat(DisplayNames.clean("\"=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=\""))
        .contains("Jürgen Müller");
    assertThat(DisplayNames.clean("=?UTF-8?B?0JDQvdC90LA=?=")).contains("Анна");
  }

  @Test
  void namesThatCarryAnAddressAreNotKept() {
    assertThat(DisplayNames.clean("bo@example.org")).isEmpty();
    assertThat(DisplayNames.clean("  ")).isEmpty();
  }
}
