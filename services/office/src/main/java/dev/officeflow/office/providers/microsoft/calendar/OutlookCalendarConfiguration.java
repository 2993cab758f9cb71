package dev.officeflow.office.providers.microsoft.calendar;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.microsoft.MicrosoftClient;
import dev.officeflow.office.providers.microsoft.StreamPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Outlook calendar view as the calendar source of Microsoft jobs. */
@Configuration(proxyBeanMethods = false)
class OutlookCalendarConfiguration {

  @Bean
  BackfillSource microsoftCalendarBackfillSource(
      MicrosoftClient client, ObjectProvider<StreamPositions> positions) {
    return StreamPositions.before(
        new CalendarViewSource(new CalendarViewReader(client)),
        positions.getIfAvailable(() -> StreamPositions.NONE));
  }
}
