package dev.officeflow.contacts.vip;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** VIP scoring: the scorer and the stored scores, with {@link VipScoringSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VipScoringSettings.class)
class VipConfiguration {

  @Bean
  VipScorer vipScorer(VipScoringSettings settings, Clock clock) {
    return new VipScorer(settings, clock);
  }

  @Bean
  ContactScores contactScores(DatabaseClient db, VipScorer scorer) {
    return new ContactScores(db, scorer);
  }
}
