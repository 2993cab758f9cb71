package dev.officeflow.contacts;

import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.address.HashSettings;
import dev.officeflow.contacts.discovery.CalendarEventHandler;
import dev.officeflow.contacts.discovery.CalendarInteractions;
import dev.officeflow.contacts.discovery.EmailEventHandler;
import dev.officeflow.contacts.discovery.EmailInteractions;
import dev.officeflow.contacts.discovery.IntegrationEventHandler;
import dev.officeflow.contacts.discovery.OwnAddresses;
import dev.officeflow.contacts.discovery.store.BatchSettings;
import dev.officeflow.contacts.discovery.store.ContactAggregates;
import dev.officeflow.contacts.discovery.store.DiscoveryWriter;
import dev.officeflow.contacts.discovery.store.InteractionStore;
import dev.officeflow.contacts.onboarding.BackfillProgressSource;
import dev.officeflow.contacts.onboarding.Candidates;
import dev.officeflow.contacts.onboarding.LocalBackfillProgress;
import dev.officeflow.contacts.onboarding.Onboarding;
import dev.officeflow.contacts.onboarding.OnboardingSettings;
import dev.officeflow.contacts.onboarding.Selections;
import dev.officeflow.contacts.purge.UserDataPurge;
import dev.officeflow.contacts.purge.UserEventHandler;
import dev.officeflow.contacts.vip.ContactAnnouncer;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.contacts.vip.VipScorer;
import dev.officeflow.contacts.vip.VipScoringSettings;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires the service's features. */
@Configuration(proxyBeanMethods = false)
class ContactsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
    return TransactionalOperator.create(transactions);
  }

  /**
   * Results in PostgreSQL's binary format: every write reads back the contacts it touched, and
   * their timestamps, parsed from text, were 6 % of what a backlog drain allocated.
   */
  @Bean
  ConnectionFactoryOptionsBuilderCustomizer binaryResults() {
    return options -> options.option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, true);
  }

  @Bean
  ContactHasher contactHasher(HashSettings settings) {
    return new ContactHasher(settings);
  }

  @Bean
  VipScorer vipScorer(VipScoringSettings settings, Clock clock) {
    return new VipScorer(settings, clock);
  }

  @Bean
  ContactScores contactScores(DatabaseClient db, VipScorer scorer) {
    return new ContactScores(db, scorer);
  }

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
  InteractionStore interactionStore(
      DatabaseClient db, TransactionalOperator tx, ContactScores scores, ContactAggregates agg) {
    return new InteractionStore(db, tx, scores, agg);
  }

  @Bean
  ContactAnnouncer contactAnnouncer(
      EventPublisher publisher, Clock clock, RuntimeProperties runtime) {
    return new ContactAnnouncer(
        publisher, clock, runtime.service().name(), runtime.service().version());
  }

  @Bean(destroyMethod = "dispose")
  Scheduler batchTimer() {
    return Schedulers.newSingle("contacts-batch-timer", true);
  }

  @Bean
  OwnAddresses ownAddresses(
      DatabaseClient db, TransactionalOperator tx, ContactHasher hasher, Clock clock) {
    return new OwnAddresses(db, tx, hasher, clock);
  }

  @Bean
  EmailEventHandler emailEventHandler(
      OwnAddresses own,
      ContactHasher hasher,
      InteractionStore store,
      ContactAnnouncer announcer,
      BatchSettings settings,
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
      BatchSettings settings,
      Scheduler batchTimer) {
    DiscoveryWriter writer =
        new DiscoveryWriter("calendars", store, announcer, settings, batchTimer);
    return new CalendarEventHandler(own, new CalendarInteractions(hasher), writer);
  }

  @Bean
  IntegrationEventHandler integrationEventHandler(OwnAddresses own, DatabaseClient db) {
    return new IntegrationEventHandler(own, db);
  }

  @Bean
  UserDataPurge userDataPurge(DatabaseClient db, TransactionalOperator tx, OwnAddresses own) {
    return new UserDataPurge(db, tx, own);
  }

  @Bean
  UserEventHandler userEventHandler(UserDataPurge purge) {
    return new UserEventHandler(purge);
  }

  /** Replace with a client of the office service's {@code /internal/backfill} when it exists. */
  @Bean
  @ConditionalOnMissingBean
  BackfillProgressSource backfillProgressSource(
      DatabaseClient db, OnboardingSettings settings, Clock clock) {
    return new LocalBackfillProgress(db, settings, clock);
  }

  @Bean
  Onboarding onboarding(DatabaseClient db, BackfillProgressSource progress) {
    return new Onboarding(db, progress);
  }

  @Bean
  Candidates candidates(DatabaseClient db, ContactScores scores, OnboardingSettings settings) {
    return new Candidates(db, scores, settings);
  }

  @Bean
  Selections selections(DatabaseClient db, TransactionalOperator tx, OnboardingSettings settings) {
    return new Selections(db, tx, settings);
  }
}
