package dev.officeflow.office.providers.microsoft.contacts;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.StreamPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Outlook address book as the contacts source of Microsoft jobs. */
@Configuration(proxyBeanMethods = false)
class OutlookContactsConfiguration {

  @Bean
  BackfillSource microsoftContactsBackfillSource(
      MicrosoftClient client, ObjectProvider<StreamPositions> positions) {
    return StreamPositions.before(
        new ContactsSource(new ContactsReader(client)),
        positions.getIfAvailable(() -> StreamPositions.NONE));
  }
}
