package dev.officeflow.googlesim;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.people.v1.PeopleService;
import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.people.PeopleScopes;
import dev.officeflow.simkit.mailbox.MailboxSpec;
import dev.officeflow.testsupport.MutableClock;
import java.util.Set;

/** Builds simulators, accounts and official Google clients for tests. */
public final class SimFixtures {

  public static final String ALICE = "alice@acme.test";
  public static final String NOW = "2026-11-20T12:00:00Z";
  public static final String TEAM = "team@group.calendar.google.com";
  public static final String HOLIDAYS = "holidays@group.v.calendar.google.com";
  public static final NetHttpTransport TRANSPORT = new NetHttpTransport();
  public static final JsonFactory JSON = GsonFactory.getDefaultInstance();

  private SimFixtures() {}

  /** Alice with 120 recent + 40 older messages and 30 + 10 events. */
  public static AccountSpec alice() {
    return AccountSpec.of(ALICE)
        .withDisplayName("Alice Example")
        .withMailbox(MailboxSpec.small(42));
  }

  /** Alice with a Team calendar she owns (40 events) and a Holidays one she reads (20). */
  public static AccountSpec aliceWithCalendars() {
    return alice()
        .withCalendar(CalendarSpec.of(TEAM, "Team", "owner", 40))
        .withCalendar(CalendarSpec.of(HOLIDAYS, "Holidays", "reader", 20));
  }

  /** Alice with 200 contacts and 50 other contacts, granting both People read scopes. */
  public static AccountSpec aliceWithContacts() {
    return alice().withContacts(200, 50).withAddedScopes(PeopleScopes.READ_ALL);
  }

  public static GoogleSim start(MutableClock clock, AccountSpec... accounts) {
    GoogleSimConfig config = GoogleSimConfig.defaults().withPort(0).withClock(clock).withThreads(4);
    for (AccountSpec a : accounts) {
      config = config.withAccount(a);
    }
    return GoogleSim.start(config);
  }

  public static String token(GoogleSim sim, String email) {
    return sim.admin().issueTokens(email).accessToken();
  }

  public static String token(GoogleSim sim, String email, Set<String> scopes) {
    return sim.admin().issueTokens(email, scopes).accessToken();
  }

  public static HttpRequestInitializer bearer(String token) {
    return request -> request.getHeaders().setAuthorization("Bearer " + token);
  }

  public static Gmail gmail(GoogleSim sim, String token) {
    return new Gmail.Builder(TRANSPORT, JSON, bearer(token))
        .setRootUrl(sim.baseUrl())
        .setApplicationName("google-sim-test")
        .build();
  }

  public static PeopleService people(GoogleSim sim, String token) {
    return new PeopleService.Builder(TRANSPORT, JSON, bearer(token))
        .setRootUrl(sim.baseUrl())
        .setApplicationName("google-sim-test")
        .build();
  }

  public static Calendar calendar(GoogleSim sim, String token) {
    return new Calendar.Builder(TRANSPORT, JSON, bearer(token))
        .setRootUrl(sim.baseUrl())
        .setApplicationName("google-sim-test")
        .build();
  }
}
