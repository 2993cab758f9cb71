package dev.officeflow.contacts.vip;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Reads {@code contacts} rows. */
public final class ContactRows {

  private ContactRows() {}

  static ContactAggregate aggregate(Readable row) {
    return new ContactAggregate(
        text(row, "user_id"),
        text(row, "contact_hash"),
        row.get("display_name", String.class),
        row.get("domain", String.class),
        counts(row),
        decayed(row),
        Boolean.TRUE.equals(row.get("automated", Boolean.class)),
        instant(row, "first_seen"),
        instant(row, "last_seen"),
        optionalInstant(row, "last_outbound"),
        ScoreBand.fromWire(text(row, "score_band")));
  }

  private static ContactAggregate.Counts counts(Readable row) {
    return new ContactAggregate.Counts(
        integer(row, "interactions"),
        integer(row, "emails_sent_to"),
        integer(row, "emails_sent_cc"),
        integer(row, "emails_received"),
        integer(row, "emails_shared"),
        integer(row, "meetings"),
        integer(row, "small_meetings"));
  }

  private static ContactAggregate.DecayedSums decayed(Readable row) {
    return new ContactAggregate.DecayedSums(
        real(row, "decayed_sent_to"),
        real(row, "decayed_sent_cc"),
        real(row, "decayed_received_to"),
        real(row, "decayed_received_cc"),
        real(row, "decayed_shared"),
        real(row, "decayed_small_meetings"),
        real(row, "decayed_large_meetings"));
  }

  public static String text(Readable row, String column) {
    String value = row.get(column, String.class);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  public static int integer(Readable row, String column) {
    Integer value = row.get(column, Integer.class);
    return value == null ? 0 : value;
  }

  public static double real(Readable row, String column) {
    Double value = row.get(column, Double.class);
    return value == null ? 0 : value;
  }

  public static Instant instant(Readable row, String column) {
    Instant value = optionalInstant(row, column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  public static @Nullable Instant optionalInstant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
