package dev.officeflow.user;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The user service: people, provider integrations with Google OAuth, encrypted provider tokens for
 * the office service, user JWTs for the frontend, and the events that announce all of it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UserApplication {

  public static void main(String[] args) {
    SpringApplication.run(UserApplication.class, args);
  }

  /** The time source of every expiry decision; tests register their own clock before start. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
