package dev.officeflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void uniqueNameIsThePrefixAndAShortRandomSuffix() {
    assertThat(Infrastructure.uniqueName("contacts-emails")).matches("contacts-emails-[a-z0-9]{8}");
  }

  @Test
  void uniqueNamesDifferBetweenCalls() {
    assertThat(Infrastructure.uniqueName("topic")).isNotEqualTo(Infrastructure.uniqueName("topic"));
  }

  @Test
  void databaseNameIsALowerCaseIdentifierThatNeedsNoQuoting() {
    assertThat(Names.database("Contacts-IT.v2")).matches("contacts_it_v2_[a-z0-9]{8}");
  }

  @Test
  void databaseNameStartsWithALetterWhenThePrefixStartsWithADigit() {
    assertThat(Names.database("2fa")).matches("db_2fa_[a-z0-9]{8}");
  }

  @Test
  void databaseNameStaysWithinPostgresIdentifierLength() {
    assertThat(Names.database("x".repeat(100))).hasSize(40 + 1 + 8);
  }

  @Test
  void blankPrefixIsRejected() {
    assertThatThrownBy(() -> Infrastructure.uniqueName(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
