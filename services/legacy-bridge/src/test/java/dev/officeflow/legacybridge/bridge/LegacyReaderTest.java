package dev.officeflow.legacybridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.events.legacy.LegacyShape;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LegacyReaderTest {

  private final LegacyReader reader = new LegacyReader(new EventCodec());

  @Test
  void eachDeprecatedShapeIsToldByItsFields() {
    assertThat(shapeOf(LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 2))))
        .isEqualTo(LegacyShape.EMAIL_BACKFILL);
    assertThat(shapeOf(LegacyFixtures.emailBatch("u1", LegacyFixtures.emails("m", 2))))
        .isEqualTo(LegacyShape.EMAIL_BATCH);
    assertThat(shapeOf(LegacyFixtures.emailUpdate("u1", "m1", "update")))
        .isEqualTo(LegacyShape.EMAIL_UPDATE);
    assertThat(shapeOf(LegacyFixtures.calendarUpdate("u1", "e1", "create")))
        .isEqualTo(LegacyShape.CALENDAR_UPDATE);
    assertThat(shapeOf(LegacyFixtures.calendarBatch("u1", 2)))
        .isEqualTo(LegacyShape.CALENDAR_BATCH);
    assertThat(shapeOf(LegacyFixtures.contactUpdate("u1", "c1", "delete")))
        .isEqualTo(LegacyShape.CONTACT_UPDATE);
    assertThat(shapeOf(LegacyFixtures.contactBatch("u1", 2))).isEqualTo(LegacyShape.CONTACT_BATCH);
  }

  @Test
  void aBackfillThatAlsoCarriesABatchIdAndOperationIsAmbiguousAndRefused() {
    byte[] both =
        LegacyFixtures.with(
            LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 1)), "batch_id", "b-1");
    byte[] ambiguous =
        new String(both, StandardCharsets.UTF_8)
            .replace("\"batch_id\"", "\"operation\":\"sync\",\"batch_id\"")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read(ambiguous))
        .isInstanceOf(NotALegacyShapeException.class)
        .hasMessageStartingWith("ambiguous_shape:")
        .hasMessageContaining("EmailBackfillEvent")
        .hasMessageContaining("EmailBatchEvent");
  }

  @Test
  void aTypedEventIsNoLegacyShape() {
    byte[] typed =
        "{\"user_id\":\"u1\",\"email\":{},\"operation\":\"create\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read(typed))
        .isInstanceOf(NotALegacyShapeException.class)
        .hasMessageStartingWith("unknown_shape: fields [email, operation, user_id]");
  }

  @Test
  void bodiesThatAreNotJsonObjectsAreInvalid() {
    assertThatThrownBy(() -> reader.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("invalid: not a JSON object");
    assertThatThrownBy(() -> reader.read("{\"emails\":".getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("invalid: not JSON");
  }

  @Test
  void aBatchWhoseEnvelopeLacksItsUserIsInvalidWhole() {
    byte[] json =
        new String(
                LegacyFixtures.json(LegacyFixtures.contactBatch("u1", 1)), StandardCharsets.UTF_8)
            .replace("\"user_id\":\"u1\",", "")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read(json))
        .hasMessageStartingWith("invalid: user_id: missing (ContactBatchEvent)");
  }

  @Test
  void aBadItemIsRefusedAloneWithItsPositionAndTheOthersDecode() {
    byte[] json =
        LegacyFixtures.withoutItemField(
            LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 3)),
            "emails",
            1,
            "received_date");

    LegacyMessage read = reader.read(json);

    assertThat(read.items()).hasSize(3);
    assertThat(read.items().get(0)).isInstanceOf(LegacyMessage.Decoded.class);
    assertThat(read.items().get(2)).isInstanceOf(LegacyMessage.Decoded.class);
    LegacyMessage.Refused refused = (LegacyMessage.Refused) read.items().get(1);
    assertThat(refused.position()).isEqualTo(1);
    assertThat(refused.reason()).isEqualTo("invalid: emails[1].received_date: missing");
    assertThat(new String(refused.json(), StandardCharsets.UTF_8)).contains("\"m-1\"");
  }

  @Test
  void aGoodBatchDecodesEveryItemWithAnEnvelopeOfNoItems() {
    var emails = LegacyFixtures.emails("m", 3);

    LegacyMessage read = reader.read(LegacyFixtures.json(LegacyFixtures.backfill("u1", emails)));

    assertThat(read.envelope().items()).isEmpty();
    assertThat(read.envelope().userId()).isEqualTo("u1");
    assertThat(read.items())
        .extracting(item -> ((LegacyMessage.Decoded) item).payload())
        .containsExactlyElementsOf(emails);
    assertThat(read.items()).extracting(LegacyMessage.Item::position).containsExactly(0, 1, 2);
  }

  @Test
  void aDecodedItemStillGivesItsOwnJsonWhenAsked() {
    LegacyMessage read =
        reader.read(
            LegacyFixtures.json(LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 3))));

    String second = new String(read.items().get(1).json(), StandardCharsets.UTF_8);

    assertThat(second).startsWith("{").contains("\"m-1\"").doesNotContain("\"m-0\"", "\"m-2\"");
  }

  @Test
  void aNullItemIsRefusedAloneAndTheOthersDecode() {
    byte[] json =
        new String(
                LegacyFixtures.json(LegacyFixtures.backfill("u1", LegacyFixtures.emails("m", 2))),
                StandardCharsets.UTF_8)
            .replace("\"emails\":[", "\"emails\":[null,")
            .getBytes(StandardCharsets.UTF_8);

    LegacyMessage read = reader.read(json);

    assertThat(read.items()).hasSize(3);
    assertThat(read.items().get(0)).isInstanceOf(LegacyMessage.Refused.class);
    assertThat(read.items().get(1)).isInstanceOf(LegacyMessage.Decoded.class);
    assertThat(read.items().get(2)).isInstanceOf(LegacyMessage.Decoded.class);
  }

  private LegacyShape shapeOf(dev.officeflow.events.legacy.LegacyEvent<?> event) {
    return reader.read(LegacyFixtures.json(event)).shape();
  }
}
