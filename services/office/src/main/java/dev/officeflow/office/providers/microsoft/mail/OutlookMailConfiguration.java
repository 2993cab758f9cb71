package dev.officeflow.office.providers.microsoft.mail;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.StreamPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outlook mail as the mail source of Microsoft jobs. */
@Configuration(proxyBeanMethods = false)
class OutlookMailConfiguration {

  @Bean
  BackfillSource microsoftMailBackfillSource(
      MicrosoftClient client, ObjectProvider<StreamPositions> positions) {
    return StreamPositions.before(
        new MailSource(new MailReader(client)),
        positions.getIfAvailable(() -> StreamPositions.NONE));
  }
}
