package dev.officeflow.office.purge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OfficeKeysTest {

  @Test
  void aUsersPatternMatchesOnlyKeysUnderTheirOwnId() {
    assertThat(OfficeKeys.pattern("5b7c0c52-0a3e-4c1e-9a53-2f0e51f6d8a1"))
        .isEqualTo("office:5b7c0c52-0a3e-4c1e-9a53-2f0e51f6d8a1:*");
  }

  @Test
  void globCharactersInAUserIdAreEscapedSoTheyMatchOnlyThemselves() {
    assertThat(OfficeKeys.pattern("a*b?[c]\\d")).isEqualTo("office:a\\*b\\?\\[c\\]\\\\d:*");
  }
}
