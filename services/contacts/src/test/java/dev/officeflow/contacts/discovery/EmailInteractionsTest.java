package dev.officeflow.contacts.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.contacts.address.Addresses;
import dev.officeflow.contacts.address.ContactHasher;
import dev.officeflow.contacts.discovery.Interaction.Direction;
import dev.officeflow.contacts.discovery.Interaction.Kind;
import dev.officeflow.contacts.testing.MailEvents;
import dev.officeflow.events.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailInteractionsTest {

  private final ContactHasher hasher = new ContactHasher("k", 1);
  private final EmailInteractions interactions = new EmailInteractions(hasher);
  private final MailEvents user = new MailEvents("u1", "ana@acme.test");
  private final Set<String> own = Set.of(hash("ana@acme.test"));
  private final Instant t = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void sentMailGivesOutboundInteractionsPerRecipientAndNoneForTheUser() {
    ItemChange change =
        interactions.change(
            user.email(
                "m1",
                "ana@acme.test",
                List.of("bo@x.test", "ana@acme.test"),
                List.of("cy@x.test"),
                t),
            own);

    assertThat(change.interactions())
        .extracting(Interaction::participant, Interaction::direction, Interaction::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                hash("bo@x.test"), Direction.OUTBOUND, Kind.EMAIL_TO),
            org.assertj.core.groups.Tuple.tuple(
                hash("cy@x.test"), Direction.OUTBOUND, Kind.EMAIL_CC));
  }

  @Test
  void receivedMailGivesTheSenderInboundAndCoRecipientsShared() {
    ItemChange change =
        interactions.change(
            user.email("m1", "Bo@X.test", List.of("ana@acme.test", "dee@x.test"), List.of(), t),
            own);

    assertThat(change.interactions())
        .extracting(Interaction::direction)
        .containsExactly(Direction.INBOUND, Direction.SHARED);
    assertThat(change.participants().get(hash("bo@x.test")).address().value())
        .isEqualTo("bo@x.test");
  }

  @Test
  void automatedMailFlagsTheSenderAndSkipsCoRecipients() {
    ItemChange change =
        interactions.change(
            user.email(
                "m1",
                "news@list.test",
                List.of("ana@acme.test", "dee@x.test"),
                List.of(),
                t,
                Operation.CREATE,
                t,
                Map.of("Precedence", "list")),
            own);

    assertThat(change.interactions())
        .singleElement()
        .satisfies(i -> assertThat(i.automated()).isTrue());
  }

  @Test
  void deleteCarriesNoInteractions() {
    ItemChange change =
        interactions.change(
            user.email(
                "m1",
                "bo@x.test",
                List.of("ana@acme.test"),
                List.of(),
                t,
                Operation.DELETE,
                t,
                Map.of()),
            own);

    assertThat(change.interactions()).isEmpty();
    assertThat(change.replaces()).isTrue();
  }

  private String hash(String address) {
    return hasher.hash(user.userId(), Addresses.normalize(address).orElseThrow());
  }
}
