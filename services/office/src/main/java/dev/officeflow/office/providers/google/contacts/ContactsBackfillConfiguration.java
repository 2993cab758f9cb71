package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.office.backfill.BackfillSource;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.providers.google.GoogleApi;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The Google address book as a backfill source of Google jobs, and the cursors it stores (kept
 * whether or not address books are streamed, so the purge and closed integrations forget them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactsSettings.class)
class ContactsBackfillConfiguration {

  @Bean
  ContactSyncStore contactSyncStore(DatabaseClient db) {
    return new ContactSyncStore(db);
  }

  @Bean
  PeopleReader peopleReader(GoogleApi api, ContactsSettings settings) {
    return new PeopleReader(api, settings.pageSize());
  }

  @Bean
  BackfillSource contactsBackfillSource(PeopleReader reader, ContactSyncStore store, Clock clock) {
    return new ContactsSource(reader, store, clock);
  }

  @Bean
  ContactsLifecycle contactsLifecycle(ContactSyncStore store) {
    return new ContactsLifecycle(store);
  }

  /** The purge deletes a deleted user's cursors through this (ARCHITECTURE §2, flow 6). */
  @Bean
  ProviderWatches contactsProviderWatches(ContactsLifecycle lifecycle) {
    return lifecycle::purge;
  }
}
