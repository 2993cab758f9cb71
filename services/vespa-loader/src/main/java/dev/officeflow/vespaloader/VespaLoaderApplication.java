package dev.officeflow.vespaloader;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/** The vespa-loader service: its handlers are bound to the catalog's {@code vespa-loader-*}. */
@OfficeflowService
public class VespaLoaderApplication {

  public static void main(String[] args) {
    SpringApplication.run(VespaLoaderApplication.class, args);
  }
}
