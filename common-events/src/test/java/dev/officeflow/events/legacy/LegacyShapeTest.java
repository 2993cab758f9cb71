package dev.officeflow.events.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.EventFixtures;
import dev.officeflow.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyShapeTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void eachShapeIsToldByItsOwnFieldsAlone() {
    assertThat(LegacyShape.matching(Set.of("user_id", "emails", "batch_size")))
        .containsExactly(LegacyShape.EMAIL_BACKFILL);
    assertThat(LegacyShape.matching(Set.of("emails", "batch_id", "operation")))
        .containsExactly(LegacyShape.EMAIL_BATCH);
    assertThat(LegacyShape.matching(Set.of("event", "update_type")))
        .containsExactly(LegacyShape.CALENDAR_UPDATE);
    assertThat(LegacyShape.matching(Set.of("contacts", "batch_id", "operation")))
        .containsExactly(LegacyShape.CONTACT_BATCH);
  }

  @Test
  void fieldsOfTwoShapesMatchBothAndFieldsOfNoneMatchNothing() {
    assertThat(LegacyShape.matching(Set.of("emails", "batch_size", "batch_id", "operation")))
        .containsExactlyInAnyOrder(LegacyShape.EMAIL_BACKFILL, LegacyShape.EMAIL_BATCH);
    assertThat(LegacyShape.matching(Set.of("email", "operation", "user_id"))).isEmpty();
  }

  @Test
  void aRecordWritesTheReferenceJsonAndReadsBack() {
    EmailBatchEvent batch =
        new EmailBatchEvent(
            EventFixtures.metadata("u1"),
            "u1",
            "gmail",
            List.of(EventFixtures.email("m1")),
            "import",
            "b-1");

    byte[] json = codec.encodePayload(batch);

    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"user_id\":\"u1\"", "\"batch_id\":\"b-1\"", "\"emails\":[{", "\"metadata\":{");
    assertThat(codec.decodePayload(json, EmailBatchEvent.class, "")).isEqualTo(batch);
    assertThat(batch.shape()).isEqualTo(LegacyShape.EMAIL_BATCH);
  }

  @Test
  void aBackfillWithoutSyncTypeIsTheReferencesBackfill() {
    EmailBackfillEvent backfill =
        new EmailBackfillEvent(
            EventFixtures.metadata("u1"),
            "u1",
            "gmail",
            List.of(),
            0,
            null,
            null,
            null,
            null,
            null,
            0);

    assertThat(backfill.syncType()).isEqualTo("backfill");
  }
}
