package dev.officeflow.office.providers.google.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.office.providers.google.contacts.ContactsSource.Position;
import org.junit.jupiter.api.Test;

class ContactsSourcePositionTest {

  @Test
  void noCheckpointStartsWithTheFirstPageOfTheSavedContacts() {
    assertThat(Position.parse(null))
        .isEqualTo(new Position(AddressList.CONNECTIONS, null, null, null));
  }

  @Test
  void aCheckpointNamesTheListAndItsPage() {
    assertThat(Position.parse("connections:abc:def"))
        .isEqualTo(new Position(AddressList.CONNECTIONS, "abc:def", null, null));
    assertThat(Position.parse("other_contacts:"))
        .isEqualTo(new Position(AddressList.OTHER_CONTACTS, null, null, null));
    assertThat(Position.parse("end").list()).isNull();
  }

  @Test
  void theSyncTokenOfAFinishedListTravelsInTheCheckpointUntilStored() {
    Position afterConnections =
        new Position(AddressList.OTHER_CONTACTS, null, AddressList.CONNECTIONS, "ps~1=2");
    Position afterOthers = new Position(null, null, AddressList.OTHER_CONTACTS, "ps~9");

    assertThat(afterConnections.format()).isEqualTo("other_contacts: connections=ps~1=2");
    assertThat(Position.parse(afterConnections.format())).isEqualTo(afterConnections);
    assertThat(Position.parse(afterOthers.format())).isEqualTo(afterOthers);
  }

  @Test
  void aPositionReadsBackAsWritten() {
    Position mid = new Position(AddressList.CONNECTIONS, "page-7", null, null);

    assertThat(Position.parse(mid.format())).isEqualTo(mid);
  }

  @Test
  void anUnknownCheckpointIsRefused() {
    assertThatThrownBy(() -> Position.parse("gmail-page"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Position.parse("end junk"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
