package dev.officeflow.contacts.discovery;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.address.UserAddressKeys;
import dev.officeflow.contacts.discovery.store.ContactAggregates;
import dev.officeflow.contacts.discovery.store.InteractionStore;
import dev.officeflow.contacts.outbox.ContactOutbox;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.contacts.vip.VipScoringSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Contact discovery: the email, calendar and integration handlers, the user's own addresses, the
 * user locks that keep writes and purges apart, and the batched writer of interactions and contact
 * aggregates that writes what changed to the contact outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscoverySettings.class)
class DiscoveryConfiguration {

  @Bean
  ContactAggregates contactAggregates(
      DatabaseClient db, TransactionalOperator tx, VipScoringSettings settings) {
    return new ContactAggregates(db, tx, settings);
  }

  /** Recomputes the stored decayed sums before consuming when their settings changed. */
  @Bean
  ApplicationRunner aggregateSettingsCheck(ContactAggregates aggregates) {
    return args -> aggregates.rebuildIfSettingsChanged().block(Duration.ofMinutes(10));
  }

  @Bean
  UserLocks userLocks(DatabaseClient db) {
    return new UserLocks(db);
  }

  @Bean
  InteractionStore interactionStore(
      DatabaseClient db,
      TransactionalOperator tx,
      ContactScores scores,
      ContactAggregates agg,
      UserLocks locks,
      AddressCipher cipher,
      UserAddressKeys keys) {
    return new InteractionStore(db, tx, scores, agg, locks, cipher, keys);
  }

  @Bean
  ContactAnnouncer contactAnnouncer(ContactOutbox outbox) {
    return new ContactAnnouncer(outbox);
  }

  @Bean(destroyMethod = "dispose")
  Scheduler batchTimer() {
    return Schedulers.newSingle("contacts-batch-timer", true);
  }

  @Bean
  OwnAddresses ownAddresses(
      DatabaseClient db,
      TransactionalOperator tx,
      ContactHasher hasher,
      UserLocks locks,
      ContactOutbox outbox,
      Clock clock) {
    return new OwnAddresses(db, tx, hasher, locks, outbox, clock);
  }

  @Bean
  EmailEventHandler emailEventHandler(
      OwnAddresses own,
      ContactHasher hasher,
      InteractionStore store,
      ContactAnnouncer announcer,
      DiscoverySettings settings,
      Scheduler batchTimer) {
    DiscoveryWriter writer = new DiscoveryWriter("emails", store, announcer, settings, batchTimer);
    return new EmailEventHandler(own, new EmailInteractions(hasher), writer);
  }

  @Bean
  CalendarEventHandler calendarEventHandler(
      OwnAddresses own,
      ContactHasher hasher,
      InteractionStore store,
      ContactAnnouncer announcer,
      DiscoverySettings settings,
      Scheduler batchTimer) {
    DiscoveryWriter writer =
        new DiscoveryWriter("calendars", store, announcer, settings, batchTimer);
    return new CalendarEventHandler(own, new CalendarInteractions(hasher), writer);
  }

  @Bean
  IntegrationEventHandler integrationEventHandler(
      OwnAddresses own, DatabaseClient db, TransactionalOperator tx, UserLocks locks) {
    return new IntegrationEventHandler(own, db, tx, locks);
  }
}
