package dev.officeflow.user.imports;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.runtime.security.InternalAccess;
import dev.officeflow.user.account.Users;
import dev.officeflow.user.imports.web.UserImportController;
import dev.officeflow.user.integration.IntegrationChanges;
import dev.officeflow.user.integration.Integrations;
import dev.officeflow.user.outbox.EventTransactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Importing users and integrations from the reference services: the import and its route. */
@Configuration(proxyBeanMethods = false)
@Import(UserImportController.class)
class ImportConfiguration {

  @Bean
  UserImport userImport(
      Users users,
      Integrations integrations,
      IntegrationChanges changes,
      EventTransactions transactions,
      ForgottenUsers forgotten,
      Clock clock) {
    return new UserImport(users, integrations, changes, transactions, forgotten, clock);
  }

  /**
   * Operators only: an import writes users and their provider grants. Named although unnamed routes
   * are the operator's anyway, so that nobody widens it by accident with a broader pattern.
   */
  @Bean
  InternalAccess importAccess() {
    return InternalAccess.of("/internal/users/import", InternalAccess.OPERATOR);
  }
}
