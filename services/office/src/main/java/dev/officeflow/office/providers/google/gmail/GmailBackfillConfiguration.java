package dev.officeflow.office.providers.google.gmail;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.google.GoogleApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gmail as a backfill source of Google jobs. */
@Configuration(proxyBeanMethods = false)
class GmailBackfillConfiguration {

  /** Records the mailbox's history id for streaming when Gmail streaming is on. */
  @Bean
  BackfillSource gmailBackfillSource(GoogleApi api, ObjectProvider<MailboxPosition> position) {
    return new GmailSource(
        new GmailReader(api),
        api.settings().bodies(),
        position.getIfAvailable(() -> MailboxPosition.NONE));
  }
}
