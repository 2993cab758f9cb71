package dev.officeflow.office.purge;

import dev.officeflow.office.backfill.BackfillService;
import dev.officeflow.office.lifecycle.ProviderWatches;
import dev.officeflow.office.tokens.ProviderTokens;
import dev.officeflow.runtime.forget.ForgottenUsers;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handler of {@code office-users}: what forgetting a user means in the office. */
@Configuration(proxyBeanMethods = false)
class PurgeConfiguration {

  @Bean(destroyMethod = "close")
  OfficeKeys officeKeys(RedisClient redis) {
    return new OfficeKeys(redis);
  }

  @Bean
  UserPurge userPurge(
      ForgottenUsers forgotten,
      BackfillService backfill,
      ObjectProvider<ProviderWatches> watches,
      OfficeKeys keys,
      ProviderTokens tokens,
      ApplicationEventPublisher applicationEvents) {
    return new UserPurge(
        forgotten, backfill, watches.orderedStream().toList(), keys, tokens, applicationEvents);
  }

  @Bean
  UserEventHandler userEventHandler(UserPurge purge) {
    return new UserEventHandler(purge);
  }
}
