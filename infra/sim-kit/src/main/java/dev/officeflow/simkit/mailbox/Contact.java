package dev.officeflow.simkit.mailbox;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Someone (or something) in the owner's mail graph.
 *
 * @param plantedRank for people, the closeness rank the generator plants (0 = closest); for lists
 *     and no-reply senders, -1
 * @param variants other spellings of the same address (case, Gmail dots, {@code +tags}) that
 *     sometimes appear in From headers, so address normalisation matters
 * @param weight the relative frequency with which the contact is picked for a thread
 * @param givenName a person's first name as they would save it in an address book (whatever the
 *     display name in their mail looks like); a list's or sender's name for the others
 * @param familyName a person's last name; empty for the others
 */
record Contact(
    int plantedRank,
    Kind kind,
    String displayName,
    String givenName,
    String familyName,
    String email,
    Address.NameEncoding encoding,
    List<String> variants,
    double weight) {

  enum Kind {
    OWNER,
    PERSON,
    LIST,
    NO_REPLY
  }

  Contact {
    variants = List.copyOf(variants);
  }

  Address address() {
    return new Address(displayName, email, encoding);
  }

  /** The address as written on one message: usually canonical, sometimes a variant spelling. */
  Address spelling(SplittableRandom random) {
    if (variants.isEmpty() || random.nextDouble() >= 0.15) {
      return address();
    }
    return new Address(displayName, Names.pick(variants, random), encoding);
  }

  boolean isClose() {
    return plantedRank >= 0 && plantedRank < SocialGraph.CLOSE;
  }
}
