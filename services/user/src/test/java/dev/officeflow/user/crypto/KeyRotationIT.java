package dev.officeflow.user.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.testsupport.IntegrationTest;
import dev.officeflow.user.testing.Testbed;
import dev.officeflow.user.testing.UserFixtures;
import dev.officeflow.user.testing.UserFixtures.Keys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens written while key 1 was current, read by a service restarted with key 2 current: old rows
 * still decrypt, and a write moves a row to key 2.
 */
@IntegrationTest
class KeyRotationIT {

  private static final String KEY_1 = UserFixtures.aesKey();
  private static final String KEY_2 = UserFixtures.aesKey();

  private static Testbed bed;
  private static String longLived;
  private static String longLivedToken;
  private static String shortLived;

  @BeforeAll
  static void connectUnderKeyOneThenMakeKeyTwoCurrent() {
    bed = Testbed.start(Keys.only("k1", KEY_1));
    // Lives for days, so no other test's clock move makes the service refresh (rewrite) it.
    String email = UserFixtures.email("long");
    bed.account(UserFixtures.account(email).withTokenLifetime(Duration.ofDays(10)));
    bed.callback(bed.authorize(email));
    longLived = bed.userId(email);
    longLivedToken = bed.accessToken(longLived);
    shortLived = bed.connect(UserFixtures.email("short"));
    bed.restartWith(new Keys("k2", Map.of("k1", KEY_1, "k2", KEY_2)));
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void tokensWrittenUnderKeyOneStillReadAfterKeyTwoBecameCurrent() {
    assertThat(bed.accessToken(longLived)).isEqualTo(longLivedToken);
    assertThat(bed.sql().tokenColumns(longLived))
        .allSatisfy(column -> assertThat(TokenCipher.keyIdOf(column)).isEqualTo("k1"));
  }

  @Test
  void refreshedTokensAreWrittenUnderKeyTwo() {
    bed.clock.advance(Duration.ofHours(2));

    String refreshed = bed.accessToken(shortLived);

    assertThat(bed.googleAccepts(refreshed)).isTrue();
    assertThat(bed.sql().tokenColumns(shortLived))
        .allSatisfy(column -> assertThat(TokenCipher.keyIdOf(column)).isEqualTo("k2"));
  }
}
