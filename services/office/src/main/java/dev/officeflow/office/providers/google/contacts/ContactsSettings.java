package dev.officeflow.office.providers.google.contacts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the address book is read ({@code officeflow.office.google.contacts.*}).
 *
 * @param pageSize people per People API page; default 1,000, People's largest (its quota counts
 *     requests, not people)
 */
@ConfigurationProperties("officeflow.office.google.contacts")
public record ContactsSettings(@DefaultValue("1000") int pageSize) {

  public ContactsSettings {
    if (pageSize < 1 || pageSize > PeopleReader.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page-size must be 1..1000 (People's limit)");
    }
  }
}
