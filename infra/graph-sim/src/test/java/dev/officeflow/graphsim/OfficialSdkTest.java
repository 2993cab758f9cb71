package dev.officeflow.graphsim;

import static dev.officeflow.graphsim.GraphSimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.officeflow.graphsim.faults.FaultSettings;
import dev.officeflow.testsupport.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Graph SDK (6.x) against the sim: it reads the sim's answers as it reads Graph's. */
class OfficialSdkTest {

  private static GraphSim sim;

  @BeforeAll
  static void start() {
    sim =
        GraphSimFixtures.start(
            MutableClock.at(GraphSimFixtures.NOW),
            GraphSimFixtures.small(ALICE).withDisplayName("Alice Example"));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void theSdkReadsMe() {
    User me = client(GraphSimFixtures.token(sim, ALICE)).me().get();

    assertThat(me.getDisplayName()).isEqualTo("Alice Example");
    assertThat(me.getMail()).isEqualTo(ALICE);
    assertThat(me.getId()).isEqualTo(sim.admin().account(ALICE).id());
  }

  @Test
  void theSdkPagesTheInboxWithSelectAndTop() {
    MessageCollectionResponse page =
        client(GraphSimFixtures.token(sim, ALICE))
            .me()
            .mailFolders()
            .byMailFolderId("inbox")
            .messages()
            .get(
                c -> {
                  c.queryParameters.top = 2;
                  c.queryParameters.select = new String[] {"subject", "from", "receivedDateTime"};
                });

    assertThat(page.getValue()).hasSize(2);
    assertThat(page.getValue().get(0).getFrom().getEmailAddress().getAddress()).contains("@");
    assertThat(page.getValue().get(0).getReceivedDateTime()).isNotNull();
    assertThat(page.getOdataNextLink()).isNotBlank();
  }

  @Test
  void theSdkReadsGraphsErrorBodyWithItsInnerError() {
    String mailOnly = GraphSimFixtures.token(sim, ALICE, Set.of("Mail.Read"));

    ODataError e = catchThrowableOfType(ODataError.class, () -> client(mailOnly).me().get());

    assertThat(e.getResponseStatusCode()).isEqualTo(403);
    assertThat(e.getError().getCode()).isEqualTo("ErrorAccessDenied");
    assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
  }

  @Test
  void theSdkRetriesInjected503sAfterTheirRetryAfter() {
    sim.admin().setFaults(FaultSettings.none().withRetryAfter(Duration.ofSeconds(1)));
    sim.admin().failNext(2, 503);
    long start = System.nanoTime();

    User me = client(GraphSimFixtures.token(sim, ALICE)).me().get();

    assertThat(me.getMail()).isEqualTo(ALICE);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  private static GraphServiceClient client(String token) {
    String host = URI.create(sim.baseUrl()).getHost();
    AccessTokenProvider tokens =
        new AccessTokenProvider() {
          @Override
          public String getAuthorizationToken(URI uri, Map<String, Object> context) {
            return token;
          }

          @Override
          public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator(host);
          }
        };
    GraphServiceClient client =
        new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
    client.getRequestAdapter().setBaseUrl(sim.graphUrl());
    return client;
  }
}
