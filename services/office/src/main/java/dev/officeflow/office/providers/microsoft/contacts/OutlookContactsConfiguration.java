package dev.officeflow.office.providers.microsoft.contacts;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Outlook address book as the contacts source of Microsoft jobs. */
@Configuration(proxyBeanMethods = false)
class OutlookContactsConfiguration {

  @Bean
  BackfillSource microsoftContactsBackfillSource(MicrosoftClient client) {
    return new ContactsSource(new ContactsReader(client));
  }
}
