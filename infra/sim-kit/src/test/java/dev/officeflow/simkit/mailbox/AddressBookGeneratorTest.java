package dev.officeflow.simkit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.simkit.people.PersonRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AddressBookGeneratorTest {

  private static final Instant ANCHOR = Instant.parse("2026-11-20T12:00:00Z");
  private static final String OWNER = "alice@acme.test";
  private static final MailboxSpec MAILBOX = new MailboxSpec(5, 2000, 500, 100, 20);

  private static GeneratedAddressBook book(int contacts, int others) {
    return MailboxGenerator.addressBook(
        OWNER, "Alice Example", MAILBOX, new AddressBookSpec(contacts, others), ANCHOR);
  }

  @Test
  void theSameSpecGivesTheSameAddressBook() {
    assertThat(book(200, 50)).isEqualTo(book(200, 50));
  }

  @Test
  void itHoldsTheCountsAskedForWithResourceNamesUniqueAcrossBothLists() {
    GeneratedAddressBook book = book(200, 50);
    List<String> names = new ArrayList<>();
    book.contacts().forEach(p -> names.add(p.resourceName()));
    book.otherContacts().forEach(p -> names.add(p.resourceName()));

    assertThat(book.contacts()).hasSize(200).allMatch(p -> !p.isOtherContact());
    assertThat(book.otherContacts()).hasSize(50).allMatch(PersonRecord::isOtherContact);
    assertThat(names).doesNotHaveDuplicates();
    assertThat(book.contacts()).isSortedAccordingTo((a, b) -> a.updated().compareTo(b.updated()));
  }

  @Test
  void mostContactsAreCorrespondentsOfTheMailboxAndTheInnerCircleIsSaved() {
    GeneratedMailbox mailbox = MailboxGenerator.generate(OWNER, "Alice Example", MAILBOX, ANCHOR);
    Set<String> correspondents =
        mailbox.closeness().stream().map(ContactRank::email).collect(Collectors.toSet());
    Set<String> innerCircle =
        mailbox.closestContacts(20).stream().map(ContactRank::email).collect(Collectors.toSet());
    Set<String> saved =
        book(200, 50).contacts().stream()
            .map(p -> p.emails().get(0).value().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    assertThat(saved.stream().filter(correspondents::contains).count()).isBetween(130L, 150L);
    assertThat(innerCircle.stream().filter(saved::contains).count()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void otherContactsAreNeverAlsoSavedContacts() {
    GeneratedAddressBook book = book(200, 50);
    Set<String> saved =
        book.contacts().stream()
            .map(p -> p.emails().get(0).value().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    assertThat(book.otherContacts())
        .allSatisfy(p -> assertThat(saved).doesNotContain(p.emails().get(0).value()));
  }

  @Test
  void noAddressBookIsGeneratedUnlessAsked() {
    assertThat(book(0, 0)).isEqualTo(GeneratedAddressBook.EMPTY);
  }
}
