package dev.officeflow.user.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserKeysTest {

  @Test
  void aBrowserWithoutAKeyGetsANewUnguessableOne() {
    String key = BrowserKeys.keep(null);

    assertThat(key).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(BrowserKeys.keep(null));
  }

  @Test
  void aBrowserKeepsTheKeyItHolds() {
    String key = BrowserKeys.keep(null);

    assertThat(BrowserKeys.keep(key)).isEqualTo(key);
  }

  @Test
  void aValueThatIsNotOneOfOurKeysIsReplaced() {
    assertThat(BrowserKeys.keep("chosen-by-someone")).isNotEqualTo("chosen-by-someone");
  }

  @Test
  void onlyTheKeyMatchesItsHash() {
    String key = BrowserKeys.keep(null);
    String hash = BrowserKeys.hash(key);

    assertThat(hash).isNotEqualTo(key);
    assertThat(BrowserKeys.matches(key, hash)).isTrue();
    assertThat(BrowserKeys.matches(BrowserKeys.keep(null), hash)).isFalse();
  }
}
