package dev.officeflow.office.providers.google.gmail;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import dev.officeflow.googlesim.GoogleSim;
import dev.officeflow.googlesim.admin.MessageRef;
import dev.officeflow.googlesim.admin.NewMessage;
import dev.officeflow.office.testing.TestSims;
import java.io.IOException;
import java.util.UUID;

/** Accounts and mailbox changes for the streaming tests. */
final class StreamingFixtures {

  private StreamingFixtures() {}

  /** A fresh small account (a few messages and events) named after the test. */
  static String createAccount(GoogleSim sim, String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    sim.admin().createAccount(TestSims.account(email, name.hashCode(), 5, 2, 2));
    return email;
  }

  /** An inbound message, now. */
  static MessageRef addMessage(GoogleSim sim, String email, String subject) {
    return sim.admin()
        .addMessage(
            email,
            NewMessage.from("Rita Reyes", "rita@partner.test", subject, "Text of " + subject));
  }

  /** Stops the mailbox's watch as Gmail's {@code users.stop} would: no more notifications. */
  static void stopWatch(GoogleSim sim, String email) throws IOException {
    String token = sim.admin().issueTokens(email).accessToken();
    Gmail gmail =
        new Gmail.Builder(
                new NetHttpTransport(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer " + token))
            .setRootUrl(sim.baseUrl())
            .setApplicationName("streaming-test")
            .build();
    gmail.users().stop("me").execute();
  }
}
