package dev.officeflow.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.testing.EmulatorPubSub;
import dev.officeflow.runtime.testing.IsolatedCatalog;
import dev.officeflow.runtime.testing.ServiceUnderTest;
import dev.officeflow.testsupport.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service that forgets a user purges that user's messages from its own dead-letter subscriptions,
 * and nobody else's, against the real emulator.
 */
@IntegrationTest
class DeadLetterPurgeOnForgetIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @SpringBootApplication
  static class ContactsLikeApp {
    @Bean
    ForgottenUsers forgottenUsers() {
      return new InMemoryForgottenUsers();
    }
  }

  private final EmulatorPubSub pubSub = new EmulatorPubSub();
  private final DeadLetterQueues queues = new DeadLetterQueues(pubSub);

  @AfterEach
  void close() throws InterruptedException {
    pubSub.close();
  }

  @Test
  void forgettingAUserPurgesTheirDeadLettersFromTheServicesOwnSubscriptionsOnly() {
    String prefix = IsolatedCatalog.apply();
    String emails = prefix + "contacts-emails-dead-letter";
    String users = prefix + "contacts-users-dead-letter";
    String notContacts = prefix + "vespa-loader-emails-dead-letter";
    queues.add(emails, "u1", "invalid: a");
    queues.add(emails, "u1", "too_large: b");
    queues.add(emails, "u10", "invalid: c");
    queues.add(emails, "u2", "invalid: d");
    queues.add(users, "u1", "permanent: e");
    queues.add(notContacts, "u1", "invalid: f");

    try (ServiceUnderTest contacts =
        ServiceUnderTest.of(ContactsLikeApp.class)
            .web(WebApplicationType.NONE)
            .catalog(prefix)
            .property("officeflow.service.name", "contacts")
            .property("officeflow.dead-letters.purge.passes", 1)
            .start()) {
      DeadLetterUserPurger purger = contacts.bean(DeadLetterUserPurger.class);
      ForgottenUsers forgotten = contacts.bean(ForgottenUsers.class);

      forgotten.forget("u1").block();

      assertThat(forgotten.isForgotten("u1").block()).isTrue();
      await().atMost(PATIENCE).until(() -> purger.pending().isEmpty());
      assertThat(purger.subscriptions()).contains(emails, users).doesNotContain(notContacts);
    }
    assertThat(queues.users(emails)).containsExactly("u10", "u2");
    assertThat(queues.users(users)).isEmpty();
    assertThat(queues.users(notContacts)).containsExactly("u1");
  }

  @Test
  void theConfirmingPassRemovesWhatTheFirstDidNotSee() {
    String prefix = IsolatedCatalog.apply();
    String emails = prefix + "contacts-emails-dead-letter";
    queues.add(emails, "u1", "invalid: before");
    queues.add(emails, "u2", "invalid: someone else");

    try (ServiceUnderTest contacts =
        ServiceUnderTest.of(ContactsLikeApp.class)
            .web(WebApplicationType.NONE)
            .catalog(prefix)
            .property("officeflow.service.name", "contacts")
            // Long enough that the late message below is in place before the confirming pass,
            // even on a loaded machine (3 s was not, once).
            .property("officeflow.dead-letters.purge.confirm-after", "10s")
            .start()) {
      DeadLetterUserPurger purger = contacts.bean(DeadLetterUserPurger.class);

      contacts.bean(ForgottenUsers.class).forget("u1").block();
      await().atMost(PATIENCE).until(() -> !queues.users(emails).contains("u1"));
      // Dead-lettered late, or held by another reader during the first pass.
      queues.add(emails, "u1", "invalid: after");

      await().atMost(PATIENCE).until(() -> purger.pending().isEmpty());
    }
    assertThat(queues.users(emails)).containsExactly("u2");
  }
}
