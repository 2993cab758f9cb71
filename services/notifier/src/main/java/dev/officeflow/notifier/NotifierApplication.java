package dev.officeflow.notifier;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/** The notifier service: each signed-in user's own live updates as Server-Sent Events. */
@OfficeflowService
public class NotifierApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotifierApplication.class, args);
  }
}
