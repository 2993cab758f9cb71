package dev.officeflow.vespaloader;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The vespa-loader service: its handlers are bound to the catalog's {@code vespa-loader-*}. */
@SpringBootApplication
public class VespaLoaderApplication {

  public static void main(String[] args) {
    SpringApplication.run(VespaLoaderApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
