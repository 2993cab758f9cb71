package dev.officeflow.vespaloader.purge;

import dev.officeflow.vespaloader.feed.FeedSettings;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handler of {@code vespa-loader-users}. */
@Configuration(proxyBeanMethods = false)
class PurgeConfiguration {

  @Bean
  UserEventHandler userEventHandler(HttpClient vespaHttpClient, FeedSettings settings) {
    return new UserEventHandler(new GroupPurger(vespaHttpClient, settings), settings.retryDelay());
  }
}
