package dev.officeflow.contacts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The contacts service (ARCHITECTURE §2, flows 4–6). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContactsApplication.class, args);
  }
}
