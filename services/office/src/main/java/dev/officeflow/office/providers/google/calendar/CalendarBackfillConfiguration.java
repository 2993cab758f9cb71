package dev.officeflow.office.providers.google.calendar;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.providers.google.GoogleApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Google Calendar as a backfill source of Google jobs: every selected calendar's events. */
@Configuration(proxyBeanMethods = false)
class CalendarBackfillConfiguration {

  @Bean
  BackfillSource calendarBackfillSource(GoogleApi api) {
    CalendarDirectory directory =
        new CalendarDirectory(api, CalendarSelection.of(api.settings().calendars()));
    return new CalendarSource(
        new CalendarReader(api), directory, api.settings().calendarPageSize());
  }
}
