package dev.officeflow.office.providers.microsoft.mail;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outlook mail as the mail source of Microsoft jobs. */
@Configuration(proxyBeanMethods = false)
class OutlookMailConfiguration {

  @Bean
  BackfillSource microsoftMailBackfillSource(MicrosoftClient client) {
    return new MailSource(new MailReader(client));
  }
}
