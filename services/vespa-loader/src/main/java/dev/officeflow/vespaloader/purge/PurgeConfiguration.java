package dev.officeflow.vespaloader.purge;

import dev.officeflow.runtime.forget.ForgottenUsers;
import dev.officeflow.vespaloader.feed.FeedSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handler of {@code vespa-loader-users}, and the record of forgotten users that it writes and
 * the runtime and the document handlers read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurgeSettings.class)
class PurgeConfiguration {

  @Bean
  ForgottenUsers forgottenUsers(
      HttpClient vespaHttpClient, FeedSettings feed, PurgeSettings purge, Clock clock) {
    return new VespaForgottenUsers(vespaHttpClient, feed, clock, purge.notForgottenFor());
  }

  @Bean
  UserEventHandler userEventHandler(
      ForgottenUsers forgottenUsers,
      HttpClient vespaHttpClient,
      FeedSettings feed,
      PurgeSettings purge) {
    purge.requireSecondPassAfterWritesInFlight(feed.operationTimeout());
    return new UserEventHandler(
        forgottenUsers,
        new GroupPurger(vespaHttpClient, feed),
        purge.secondPassAfter(),
        feed.retryDelay());
  }
}
