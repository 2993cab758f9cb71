package dev.officeflow.googlesim.gmail;

import static dev.officeflow.googlesim.SimFixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.SimFixtures;
import dev.officeflow.googlesim.calendar.CalendarScopes;
import dev.officeflow.testsupport.MutableClock;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmailScopeRulesTest {

  private final MutableClock clock = MutableClock.at(SimFixtures.NOW);
  private GoogleSim sim;

  @BeforeEach
  void start() {
    sim =
        SimFixtures.start(
            clock,
            SimFixtures.alice(),
            dev.officeflow.googlesim.account.AccountSpec.of("bob@acme.test"));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Gmail gmailWith(String... scopes) {
    return SimFixtures.gmail(sim, SimFixtures.token(sim, ALICE, Set.of(scopes)));
  }

  @Test
  void metadataScopeRefusesAQuery() {
    Gmail gmail = gmailWith(GmailScopes.METADATA);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().messages().list("me").setQ("after:1").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getMessage())
        .isEqualTo("Metadata scope does not support 'q' parameter");
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("forbidden");
  }

  @Test
  void metadataScopeRefusesTheQueryEvenNextToReadonlyLikeGmailDoes() {
    Gmail gmail = gmailWith(GmailScopes.METADATA, GmailScopes.READONLY);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().messages().list("me").setQ("in:inbox").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
  }

  @Test
  void metadataScopeRefusesFullFormatButServesMetadata() throws IOException {
    Gmail gmail = gmailWith(GmailScopes.METADATA);
    String id = gmail.users().messages().list("me").execute().getMessages().get(0).getId();

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().messages().get("me", id).setFormat("full").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getMessage()).isEqualTo("Metadata scope doesn't allow format FULL");
    assertThat(
            gmail
                .users()
                .messages()
                .get("me", id)
                .setFormat("metadata")
                .execute()
                .getPayload()
                .getHeaders())
        .isNotEmpty();
  }

  @Test
  void readonlyScopeAllowsQueriesAndFullFormat() throws IOException {
    Gmail gmail = gmailWith(GmailScopes.READONLY);

    String id =
        gmail.users().messages().list("me").setQ("in:inbox").execute().getMessages().get(0).getId();

    assertThat(gmail.users().messages().get("me", id).setFormat("full").execute().getPayload())
        .isNotNull();
  }

  @Test
  void aTokenWithoutGmailScopesGetsInsufficientPermissions() {
    Gmail gmail = gmailWith(CalendarScopes.READONLY);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> gmail.users().getProfile("me").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("insufficientPermissions");
  }

  @Test
  void anotherUsersMailboxIsDelegationDenied() {
    Gmail gmail = gmailWith(GmailScopes.READONLY);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> gmail.users().getProfile("bob@acme.test").execute());

    assertThat(e.getStatusCode()).isEqualTo(403);
    assertThat(e.getDetails().getMessage()).isEqualTo("Delegation denied for " + ALICE);
  }

  @Test
  void aMissingTokenGetsGooglesUnauthenticatedBody() {
    Gmail gmail = SimFixtures.gmail(sim, "ya29.unknown");

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class, () -> gmail.users().getProfile("me").execute());

    assertThat(e.getStatusCode()).isEqualTo(401);
    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("authError");
    assertThat(e.getDetails().get("status")).isEqualTo("UNAUTHENTICATED");
  }
}
