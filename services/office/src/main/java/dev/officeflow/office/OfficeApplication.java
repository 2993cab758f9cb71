package dev.officeflow.office;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The office service (port 8082): backfill runner now, streaming bridge later. */
@SpringBootApplication
public class OfficeApplication {

  public static void main(String[] args) {
    SpringApplication.run(OfficeApplication.class, args);
  }

  /** Time for windows, events and run logs; tests put their own clock here. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
