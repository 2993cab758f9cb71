package dev.officeflow.office.providers.google.contacts;

import dev.officeflow.office.providers.google.GoogleApi;
import dev.officeflow.office.streaming.StreamingMetrics;
import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.runtime.publish.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Address-book streaming (polls by sync token, scheduled by the streaming reconciler); off with
 * {@code officeflow.office.streaming.contacts.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactsStreamingSettings.class)
@ConditionalOnProperty(
    prefix = "officeflow.office.streaming.contacts",
    name = "enabled",
    matchIfMissing = true)
class ContactsStreamingConfiguration {

  @Bean
  ContactsStreamSource contactsStreamSource(
      GoogleApi api,
      PeopleReader reader,
      ContactSyncStore store,
      EventPublisher publisher,
      RuntimeProperties runtime,
      MeterRegistry registry,
      ContactsStreamingSettings settings,
      Clock clock) {
    ContactChanges changes =
        new ContactChanges(runtime.service().name(), runtime.service().version(), clock);
    ContactsSync sync =
        new ContactsSync(
            api,
            reader,
            store,
            changes,
            publisher,
            new StreamingMetrics(registry, ContactsStreamSource.NAME),
            settings.interval(),
            clock);
    return new ContactsStreamSource(sync, store, settings);
  }
}
