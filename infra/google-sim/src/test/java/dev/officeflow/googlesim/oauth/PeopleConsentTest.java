package dev.officeflow.googlesim.oauth;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static dev.officeflow.googlesim.SimFixtures.JSON;
import static dev.officeflow.googlesim.SimFixtures.TRANSPORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.auth.oauth2.AuthorizationCodeRequestUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.http.GenericUrl;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.people.PeopleScopes;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.testsupport.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleConsentTest {

  private static final String CLIENT = "officeflow-office.apps.googleusercontent.com";
  private static final String REDIRECT = "http://127.0.0.1:8081/oauth/callback";
  private static final String BOB = "bob@acme.test";
  private static final List<String> ASKED =
      List.of("email", PeopleScopes.CONTACTS_READONLY, PeopleScopes.OTHER_CONTACTS_READONLY);

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim =
        SimFixtures.start(
            clock, SimFixtures.aliceWithContacts(), AccountSpec.of(BOB).withContacts(5, 0));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void theContactsScopesAreGrantedWhenTheAccountGrantsThem() throws Exception {
    TokenResponse tokens = exchange(authorize(ALICE));

    assertThat(Set.of(tokens.getScope().split(" "))).containsExactlyInAnyOrderElementsOf(ASKED);
    assertThat(
            SimFixtures.people(sim, tokens.getAccessToken())
                .otherContacts()
                .list()
                .setReadMask("emailAddresses")
                .execute()
                .getOtherContacts())
        .hasSize(50);
  }

  @Test
  void byDefaultAnAccountGrantsNoPeopleScope() throws Exception {
    TokenResponse tokens = exchange(authorize(BOB));

    assertThat(tokens.getScope()).isEqualTo("email");
  }

  private String authorize(String loginHint) throws Exception {
    AuthorizationCodeRequestUrl url =
        new AuthorizationCodeRequestUrl(sim.baseUrl() + "o/oauth2/v2/auth", CLIENT)
            .setRedirectUri(REDIRECT)
            .setScopes(ASKED)
            .setState("s");
    url.set("login_hint", loginHint);
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url.build())).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    return Params.parse(location.getRawQuery()).first("code").orElseThrow();
  }

  private TokenResponse exchange(String code) throws Exception {
    return new AuthorizationCodeTokenRequest(
            TRANSPORT, JSON, new GenericUrl(sim.baseUrl() + "token"), code)
        .setRedirectUri(REDIRECT)
        .setClientAuthentication(new ClientParametersAuthentication(CLIENT, "secret"))
        .execute();
  }
}
