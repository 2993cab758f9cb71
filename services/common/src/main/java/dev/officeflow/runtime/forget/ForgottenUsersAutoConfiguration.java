package dev.officeflow.runtime.forget;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/** The forgotten-users record of every service with a database. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration"
    })
@ConditionalOnClass(DatabaseClient.class)
public class ForgottenUsersAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(DatabaseClient.class)
  ForgottenUsers forgottenUsers(DatabaseClient db) {
    return new DatabaseForgottenUsers(db);
  }
}
