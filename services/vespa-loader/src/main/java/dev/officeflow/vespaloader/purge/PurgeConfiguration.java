package dev.officeflow.vespaloader.purge;

import dev.officeflow.vespaloader.feed.VespaSettings;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The handler of {@code vespa-loader-users}. */
@Configuration(proxyBeanMethods = false)
class PurgeConfiguration {

  @Bean
  UserPurgeHandler userPurgeHandler(HttpClient vespaHttpClient, VespaSettings settings) {
    return new UserPurgeHandler(new GroupPurger(vespaHttpClient, settings), settings.retryDelay());
  }
}
