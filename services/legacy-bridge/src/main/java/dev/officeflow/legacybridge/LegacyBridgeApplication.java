package dev.officeflow.legacybridge;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/** The legacy bridge: the reference services' deprecated topics and shapes as typed events. */
@OfficeflowService
public class LegacyBridgeApplication {

  public static void main(String[] args) {
    SpringApplication.run(LegacyBridgeApplication.class, args);
  }
}
