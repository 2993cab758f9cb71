package dev.officeflow.contacts.outbox;

import dev.officeflow.contacts.address.AddressSealer;
import dev.officeflow.contacts.outbox.store.OutboxStore;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The contact outbox: the table, the relay that publishes it, and what discovery writes to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxConfiguration {

  @Bean
  OutboxStore outboxStore(DatabaseClient db) {
    return new OutboxStore(db);
  }

  @Bean
  OutboxRelay outboxRelay(
      OutboxStore store,
      TransactionalOperator tx,
      EventPublisher publisher,
      AddressSealer sealer,
      RuntimeProperties runtime,
      OutboxSettings settings,
      MeterRegistry meters) {
    ContactEvents events =
        new ContactEvents(sealer, runtime.service().name(), runtime.service().version());
    return new OutboxRelay(store, tx, publisher, events, settings, meters, System::nanoTime);
  }

  @Bean
  ContactOutbox contactOutbox(OutboxStore store, AddressSealer sealer, OutboxRelay relay) {
    return new ContactOutbox(store, sealer, relay::wake);
  }
}
