package dev.officeflow.contacts.discovery.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that derives contact aggregates from interactions, shared by the incremental path (add
 * what a statement just inserted) and the rebuild (replace with what the interactions say), so the
 * two cannot disagree. Named parameters {@code :epochSeconds}, {@code :halfLifeSeconds} and {@code
 * :smallMeeting} come from the scoring settings.
 */
final class AggregateSql {

  /** How an upsert combines the derived values with a stored row. */
  enum Mode {
    ADD,
    REPLACE
  }

  private static final String DECAY =
      "power(2::float8, (extract(epoch FROM f.occurred_at)::float8 - :epochSeconds)"
          + " / :halfLifeSeconds)";

  private static final List<String> COUNTED =
      List.of(
          "interactions",
          "emails_sent_to",
          "emails_sent_cc",
          "emails_received",
          "emails_shared",
          "meetings",
          "small_meetings",
          "decayed_sent_to",
          "decayed_sent_cc",
          "decayed_received_to",
          "decayed_received_cc",
          "decayed_shared",
          "decayed_small_meetings",
          "decayed_large_meetings");

  private static final List<String> OTHER =
      List.of(
          "automated",
          "first_seen",
          "last_seen",
          "last_outbound",
          "display_name",
          "display_name_at",
          "domain");

  private static final String SELECT =
      """
      count(*)::int,
      (count(*) FILTER (WHERE f.kind = 'email_to'))::int,
      (count(*) FILTER (WHERE f.kind = 'email_cc'))::int,
      (count(*) FILTER (WHERE f.kind = 'email_from'))::int,
      (count(*) FILTER (WHERE f.kind = 'email_shared'))::int,
      (count(*) FILTER (WHERE f.kind = 'meeting'))::int,
      (count(*) FILTER (WHERE f.kind = 'meeting' AND f.group_size <= :smallMeeting))::int,
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'email_to'), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'email_cc'), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'email_from' AND NOT f.copied), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'email_from' AND f.copied), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'email_shared'), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'meeting' AND f.group_size <= :smallMeeting), 0),
      COALESCE(sum(%1$s) FILTER (WHERE f.kind = 'meeting' AND f.group_size > :smallMeeting), 0),
      bool_or(f.automated),
      min(f.occurred_at),
      max(f.occurred_at),
      max(f.occurred_at) FILTER (WHERE f.direction = 'outbound'),
      (array_agg(f.display_name ORDER BY f.occurred_at DESC)
          FILTER (WHERE f.display_name IS NOT NULL))[1],
      max(f.occurred_at) FILTER (WHERE f.display_name IS NOT NULL),
      min(f.domain)
      """
          .formatted(DECAY);

  private AggregateSql() {}

  /**
   * Upserts the aggregates of the interactions {@code from} yields (aliased {@code f}), returning
   * {@code user_id}, {@code contact_hash}, {@code created} and {@code address_key_id} (which master
   * key the contact's address is sealed under, null before it has one).
   */
  static String upsert(String from, Mode mode) {
    String columns = String.join(", ", COUNTED) + ", " + String.join(", ", OTHER);
    return "INSERT INTO contacts AS c (user_id, contact_hash, "
        + columns
        + ")\nSELECT f.user_id, f.participant,\n"
        + SELECT
        + "FROM "
        + from
        + "\nGROUP BY f.user_id, f.participant ORDER BY f.user_id, f.participant\n"
        + "ON CONFLICT (user_id, contact_hash) DO UPDATE SET "
        + (mode == Mode.ADD ? added() : replaced())
        + "\nRETURNING c.user_id, c.contact_hash, (c.xmax = 0) AS created, c.address_key_id";
  }

  private static String added() {
    String counted =
        COUNTED.stream().map(c -> c + " = c." + c + " + EXCLUDED." + c).collect(joining());
    return counted
        + ", automated = c.automated OR EXCLUDED.automated"
        + ", first_seen = LEAST(c.first_seen, EXCLUDED.first_seen)"
        + ", last_seen = GREATEST(c.last_seen, EXCLUDED.last_seen)"
        + ", last_outbound = GREATEST(c.last_outbound, EXCLUDED.last_outbound)"
        + ", display_name = CASE WHEN EXCLUDED.display_name_at IS NOT NULL AND"
        + " (c.display_name_at IS NULL OR EXCLUDED.display_name_at >= c.display_name_at)"
        + " THEN EXCLUDED.display_name ELSE c.display_name END"
        + ", display_name_at = GREATEST(c.display_name_at, EXCLUDED.display_name_at)"
        + ", domain = COALESCE(c.domain, EXCLUDED.domain)";
  }

  private static String replaced() {
    return java.util.stream.Stream.concat(COUNTED.stream(), OTHER.stream())
        .map(c -> c + " = EXCLUDED." + c)
        .collect(joining());
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
