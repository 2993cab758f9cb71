package dev.officeflow.user.outbox;

import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.publish.EventPublisher;
import dev.officeflow.user.outbox.store.OutboxStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The transactional outbox: the table, publishing after commit, and the sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxConfiguration {

  @Bean
  OutboxStore outboxStore(DatabaseClient db, EventCodec codec) {
    return new OutboxStore(db, codec);
  }

  @Bean
  Outbox outbox(OutboxStore store, EventPublisher publisher) {
    return new Outbox(store, publisher);
  }

  @Bean
  EventTransactions eventTransactions(TransactionalOperator transactions, Outbox outbox) {
    return new EventTransactions(transactions, outbox);
  }

  @Bean
  OutboxSweeper outboxSweeper(OutboxStore store, Outbox outbox, OutboxSettings settings) {
    return new OutboxSweeper(store, outbox, settings);
  }
}
