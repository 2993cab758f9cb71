package dev.officeflow.office;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/** The office service (port 8082): the backfill runner and the streaming bridge. */
@OfficeflowService
public class OfficeApplication {

  public static void main(String[] args) {
    SpringApplication.run(OfficeApplication.class, args);
  }
}
