package dev.officeflow.graphsim.account;

import dev.officeflow.simkit.people.PersonRecord;
import java.time.Instant;

/** One personal contact at one version, over the kit's provider-neutral person. */
public record ContactItem(
    String id, PersonRecord person, Instant created, long version, boolean deleted)
    implements Versioned {

  ContactItem changed(PersonRecord next, long newVersion) {
    return new ContactItem(id, next, created, newVersion, false);
  }

  ContactItem tombstone(Instant when, long newVersion) {
    return new ContactItem(id, person.deleted(when), created, newVersion, true);
  }
}
