package dev.officeflow.contacts;

import dev.officeflow.runtime.OfficeflowService;
import org.springframework.boot.SpringApplication;

/** The contacts service (ARCHITECTURE §2, flows 4–6). */
@OfficeflowService
public class ContactsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContactsApplication.class, args);
  }
}
