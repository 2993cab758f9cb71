package dev.officeflow.graphsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void aGraphScopeIsTheSameWithOrWithoutTheResourcePrefixAndInAnyCase() {
    assertThat(Scopes.normalize("https://graph.microsoft.com/Mail.Read")).contains("Mail.Read");
    assertThat(Scopes.normalize("HTTPS://GRAPH.MICROSOFT.COM/calendars.read"))
        .contains("Calendars.Read");
    assertThat(Scopes.normalize("OpenID")).contains("openid");
  }

  @Test
  void anUnknownScopeNormalizesToNothing() {
    assertThat(Scopes.normalize("Files.Read")).isEmpty();
  }

  @Test
  void readWriteSatisfiesRead() {
    assertThat(Scopes.satisfies(Set.of("Mail.ReadWrite"), "Mail.Read")).isTrue();
    assertThat(Scopes.satisfies(Set.of("Mail.Read"), "Mail.ReadWrite")).isFalse();
    assertThat(Scopes.satisfies(Set.of("Contacts.Read"), "Calendars.Read")).isFalse();
  }
}
