package dev.officeflow.user.integration;

import dev.officeflow.runtime.config.RuntimeProperties;
import dev.officeflow.user.crypto.TokenCipher;
import dev.officeflow.user.integration.store.AuditLog;
import dev.officeflow.user.integration.store.IntegrationStore;
import dev.officeflow.user.integration.store.TokenVault;
import dev.officeflow.user.integration.web.IntegrationController;
import dev.officeflow.user.oauth.OAuthProviders;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Integrations: their tables, their changes with audit and events, disconnecting, the API, and the
 * last sync time the office's progress events report.
 */
@Configuration(proxyBeanMethods = false)
@Import(IntegrationController.class)
class IntegrationConfiguration {

  @Bean
  IntegrationStore integrationStore(DatabaseClient db) {
    return new IntegrationStore(db);
  }

  @Bean
  TokenVault tokenVault(DatabaseClient db, TokenCipher cipher) {
    return new TokenVault(db, cipher);
  }

  @Bean
  AuditLog auditLog(DatabaseClient db) {
    return new AuditLog(db);
  }

  @Bean
  Integrations integrations(IntegrationStore store, TokenVault vault) {
    return new Integrations(store, vault);
  }

  @Bean
  IntegrationChanges integrationChanges(
      IntegrationStore store,
      TokenVault vault,
      AuditLog audit,
      RuntimeProperties runtime,
      Clock clock) {
    return new IntegrationChanges(store, vault, audit, runtime, clock);
  }

  @Bean
  ProgressEventHandler progressEventHandler(IntegrationStore store) {
    return new ProgressEventHandler(store);
  }

  @Bean
  Disconnection disconnection(
      TokenVault vault, IntegrationChanges changes, OAuthProviders providers) {
    return new Disconnection(vault, changes, providers);
  }
}
