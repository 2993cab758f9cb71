package dev.officeflow.contacts.onboarding;

import dev.officeflow.contacts.address.AddressCipher;
import dev.officeflow.contacts.discovery.UserLocks;
import dev.officeflow.contacts.onboarding.web.OnboardingController;
import dev.officeflow.contacts.vip.ContactScores;
import dev.officeflow.runtime.security.ApiRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * VIP onboarding: the API under {@code /onboarding/vips} (a user JWT required, the shared default),
 * the public VIP page that calls it, and the latest backfill job of each user from {@code
 * contacts-progress}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnboardingSettings.class)
@Import(OnboardingController.class)
class OnboardingConfiguration {

  /**
   * The VIP page's static files ({@code GET /vip/**}) are public: the page carries no data and
   * sends the user's token itself to the API.
   */
  @Bean
  ApiRoutes vipPage() {
    return exchanges -> exchanges.pathMatchers(HttpMethod.GET, "/vip/**").permitAll();
  }

  /** Replace with a client of the office service's {@code /internal/backfill} when it exists. */
  @Bean
  BackfillProgressSource backfillProgressSource(
      DatabaseClient db, OnboardingSettings settings, Clock clock) {
    return new LocalBackfillProgress(db, settings, clock);
  }

  @Bean
  LatestJobs latestJobs(DatabaseClient db) {
    return new LatestJobs(db);
  }

  @Bean
  ProgressEventHandler progressEventHandler(
      LatestJobs jobs, TransactionalOperator tx, UserLocks locks) {
    return new ProgressEventHandler(jobs, tx, locks);
  }

  @Bean
  Onboarding onboarding(DatabaseClient db, BackfillProgressSource progress, LatestJobs jobs) {
    return new Onboarding(db, progress, jobs);
  }

  /** Opens the addresses of the contacts served to their own user. */
  @Bean
  AddressOpener addressOpener(AddressCipher cipher, MeterRegistry meters) {
    return new AddressOpener(cipher, meters);
  }

  @Bean
  Candidates candidates(
      DatabaseClient db,
      ContactScores scores,
      OnboardingSettings settings,
      AddressOpener addresses) {
    return new Candidates(db, scores, settings, addresses);
  }

  @Bean
  Selections selections(
      DatabaseClient db,
      TransactionalOperator tx,
      OnboardingSettings settings,
      AddressOpener addresses) {
    return new Selections(db, tx, settings, addresses);
  }
}
