package dev.officeflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.events.codec.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events in the shapes officeflow wrote before its contract followed the reference models (issue
 * 17) still decode, into the new shapes: queued, dead-lettered and replayed events stay readable.
 */
class EarlierShapesTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void aCalendarEventOfTheEarlierShapeReadsAsTheReferencesShape() {
    CalendarEvent event = codec.decode(earlier("calendar"), CalendarEvent.class);
    CalendarEntry entry = event.event();

    assertThat(entry.recurrence().rrule()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO,WE");
    assertThat(entry.recurrence().exdate()).containsExactly("EXDATE:20261109T130000Z");
    assertThat(entry.reminders()).containsExactly(Map.of("minutes", 10), Map.of("minutes", 30));
    assertThat(entry.attachments())
        .containsExactly(Map.of("file_url", "https://drive.example/file/1"));
  }

  @Test
  void missingRequiredTextReadsAsEmptyAndDefaultsApply() {
    CalendarEntry entry = codec.decode(earlier("calendar"), CalendarEvent.class).event();

    assertThat(entry.title()).isEmpty();
    assertThat(entry.organizer()).isEmpty();
    assertThat(entry.status()).isEqualTo("confirmed");
    assertThat(entry.visibility()).isEqualTo("default");
  }

  @Test
  void metadataTagsOfAnyJsonValueReadAsTextAndNullsAreDropped() {
    Map<String, String> tags =
        codec.decode(earlier("calendar"), CalendarEvent.class).metadata().tags();

    assertThat(tags)
        .containsEntry("account", "ana@example.com")
        .containsEntry("attempt", "2")
        .containsEntry("flags", "{\"a\":true}")
        .doesNotContainKey("gone");
  }

  @Test
  void anOperationInCapitalsIsRead() {
    assertThat(codec.decode(earlier("calendar"), CalendarEvent.class).operation())
        .isEqualTo(Operation.UPDATE);
  }

  @Test
  void aContactOfTheEarlierShapeReadsAsTheReferencesShape() {
    Contact contact = codec.decode(earlier("contact"), ContactEvent.class).contact();

    assertThat(contact.displayName()).isEmpty();
    assertThat(contact.phoneNumbers()).containsExactly(Map.of("value", "+46 70 000 00 00"));
    assertThat(contact.addresses()).containsExactly(Map.of("formatted", "Storgatan 1, Stockholm"));
    assertThat(contact.organizations()).containsExactly(Map.of("name", "Example AB"));
    assertThat(contact.birthdays()).containsExactly(Instant.parse("1990-05-01T00:00:00Z"));
    assertThat(contact.photos()).containsExactly(Map.of("url", "https://photos.example/c1"));
    assertThat(contact.tags()).containsExactly("vip_score:0.8100", "score_band:high");
  }

  @Test
  void productNamesReadAsTheirProviders() {
    CalendarEvent calendar = codec.decode(earlier("calendar"), CalendarEvent.class);
    ContactEvent contact = codec.decode(earlier("contact"), ContactEvent.class);

    assertThat(calendar.provider()).isEqualTo(Providers.GOOGLE);
    assertThat(calendar.event().provider()).isEqualTo(Providers.GOOGLE);
    assertThat(contact.provider()).isEqualTo(Providers.MICROSOFT);
    assertThat(contact.contact().provider()).isEqualTo(Providers.MICROSOFT);
  }

  @Test
  void whatIsReadIsWrittenInTheNewShapeAndReadBackTheSame() {
    CalendarEvent event = codec.decode(earlier("calendar"), CalendarEvent.class);

    String written = new String(codec.encode(event));

    assertThat(written)
        .contains("\"recurrence\":{\"rrule\":[\"RRULE:FREQ=WEEKLY;BYDAY=MO,WE\"]")
        .contains("\"reminders\":[{\"minutes\":10},{\"minutes\":30}]")
        .contains("\"provider\":\"google\"");
    assertThat(codec.decode(codec.encode(event), CalendarEvent.class)).isEqualTo(event);
  }

  private static byte[] earlier(String name) {
    String path = "/earlier/" + name + "-earlier.json";
    try (InputStream in = EarlierShapesTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
