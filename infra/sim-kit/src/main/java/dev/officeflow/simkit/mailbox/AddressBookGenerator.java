package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.people.ContactNumbers;
import dev.officeflow.simkit.people.PersonRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generates an address book from the owner's social graph, so that most saved contacts are people
 * the mailbox corresponds with: the inner circle nearly always (9 in 10), then tail people, then
 * people outside the mail. Other contacts are graph people the owner never saved, then one-off
 * correspondents. Saved contacts have structured names, a work or home address (sometimes spelled
 * with capitals, so matching them to mail needs normalising), often a phone and an employer; other
 * contacts mostly just an address.
 */
final class AddressBookGenerator {

  private static final List<String> TITLES =
      List.of(
          "Software Engineer",
          "Product Manager",
          "Designer",
          "Sales Director",
          "CFO",
          "Recruiter",
          "Consultant",
          "Account Manager",
          "Head of Operations");

  private final SocialGraph graph;
  private final SplittableRandom random;
  private final Instant anchor;
  private final Set<String> numbers = new HashSet<>();

  AddressBookGenerator(SocialGraph graph, SplittableRandom random, Instant anchor) {
    this.graph = graph;
    this.random = random;
    this.anchor = anchor;
  }

  GeneratedAddressBook generate(AddressBookSpec spec) {
    List<Contact> tail =
        new ArrayList<>(graph.people.subList(SocialGraph.CLOSE, graph.people.size()));
    shuffle(tail);
    List<Contact> saved = new ArrayList<>();
    int fromMail = Math.min(graph.people.size(), (int) Math.round(spec.contacts() * 0.7));
    for (Contact c : graph.people.subList(0, SocialGraph.CLOSE)) {
      if (saved.size() < fromMail && random.nextDouble() < 0.9) {
        saved.add(c);
      }
    }
    while (saved.size() < fromMail && !tail.isEmpty()) {
      saved.add(tail.remove(tail.size() - 1));
    }
    while (saved.size() < spec.contacts()) {
      saved.add(graph.stranger(random));
    }
    List<Contact> others = new ArrayList<>();
    while (others.size() < spec.otherContacts()) {
      others.add(tail.isEmpty() ? graph.stranger(random) : tail.remove(tail.size() - 1));
    }
    return new GeneratedAddressBook(
        oldestFirst(saved.stream().map(this::contact).toList()),
        oldestFirst(others.stream().map(this::otherContact).toList()));
  }

  private PersonRecord contact(Contact c) {
    String email =
        random.nextDouble() < 0.1 && !c.variants().isEmpty() ? c.variants().get(0) : c.email();
    List<PersonRecord.Email> emails = new ArrayList<>();
    emails.add(new PersonRecord.Email(email, homeDomain(c.email()) ? "home" : "work"));
    if (random.nextDouble() < 0.15) {
      emails.add(new PersonRecord.Email(local(c) + "@" + otherDomain(c.email()), "other"));
    }
    List<PersonRecord.Phone> phones =
        random.nextDouble() < 0.6
            ? List.of(new PersonRecord.Phone(phone(), random.nextBoolean() ? "mobile" : "work"))
            : List.of();
    return new PersonRecord(
        "people/c" + number(),
        c.givenName(),
        c.familyName(),
        emails,
        phones,
        organization(c.email()),
        anchor.minus(Duration.ofMinutes(60 + random.nextLong(700L * 24 * 60))),
        false);
  }

  /** An other contact: its address, usually the name its mail showed, rarely a phone. */
  private PersonRecord otherContact(Contact c) {
    boolean named = !c.displayName().isEmpty() && random.nextDouble() < 0.7;
    return new PersonRecord(
        "otherContacts/c" + number(),
        named ? c.givenName() : "",
        named ? c.familyName() : "",
        List.of(new PersonRecord.Email(c.email(), "")),
        random.nextDouble() < 0.05 ? List.of(new PersonRecord.Phone(phone(), "mobile")) : List.of(),
        null,
        anchor.minus(Duration.ofMinutes(60 + random.nextLong(60L * 24 * 60))),
        false);
  }

  private PersonRecord.@Nullable Organization organization(String email) {
    String domain = email.substring(email.indexOf('@') + 1);
    if (homeDomain(email) && random.nextDouble() < 0.5) {
      return null;
    }
    String company = homeDomain(email) ? "Initech" : domain.substring(0, domain.indexOf('.'));
    return new PersonRecord.Organization(
        company.substring(0, 1).toUpperCase(Locale.ROOT) + company.substring(1),
        Names.pick(TITLES, random));
  }

  /** A number in the range reserved for fiction ({@code 555-0100} to {@code 555-0199}). */
  private String phone() {
    return String.format(
        Locale.ROOT, "+1 %03d-555-01%02d", 200 + random.nextInt(700), random.nextInt(100));
  }

  private String number() {
    String n;
    do {
      n = ContactNumbers.next(random);
    } while (!numbers.add(n));
    return n;
  }

  private static String local(Contact c) {
    return c.email().substring(0, c.email().indexOf('@'));
  }

  private static boolean homeDomain(String email) {
    return email.endsWith("@gmail.com");
  }

  private String otherDomain(String email) {
    return homeDomain(email) ? graph.workDomain : "gmail.com";
  }

  private void shuffle(List<Contact> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Contact t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static List<PersonRecord> oldestFirst(List<PersonRecord> people) {
    List<PersonRecord> out = new ArrayList<>(people);
    out.sort(Comparator.comparing(PersonRecord::updated).thenComparing(PersonRecord::resourceName));
    return out;
  }
}
