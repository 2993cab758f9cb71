package dev.officeflow.contacts.discovery.store;

import dev.officeflow.contacts.discovery.Interaction;
import dev.officeflow.contacts.discovery.ItemChange;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** The interactions of a batch as column arrays, bound to {@code unnest} in one statement. */
final class InteractionColumns {

  static final String UNNEST =
      """
      unnest(:users::text[], :sources::text[], :sourceIds::text[], :participants::text[],
             :items::text[], :versions::int8[], :directions::text[], :kinds::text[],
             :copied::bool[], :groupSizes::int4[], :occurred::int8[], :automated::bool[],
             :names::text[], :domains::text[])
        AS r(user_id, source, source_id, participant, item_id, version_ms, direction, kind, copied,
             group_size, occurred_ms, automated, display_name, domain)
      """;

  private final String[] users;
  private final String[] sources;
  private final String[] sourceIds;
  private final String[] participants;
  private final String[] items;
  private final Long[] versions;
  private final String[] directions;
  private final String[] kinds;
  private final Boolean[] copied;
  private final Integer[] groupSizes;
  private final Long[] occurred;
  private final Boolean[] automated;
  private final String[] names;
  private final String[] domains;

  InteractionColumns(List<ItemChange> changes) {
    int n = changes.stream().mapToInt(c -> c.interactions().size()).sum();
    users = new String[n];
    sources = new String[n];
    sourceIds = new String[n];
    participants = new String[n];
    items = new String[n];
    versions = new Long[n];
    directions = new String[n];
    kinds = new String[n];
    copied = new Boolean[n];
    groupSizes = new Integer[n];
    occurred = new Long[n];
    automated = new Boolean[n];
    names = new String[n];
    domains = new String[n];
    int i = 0;
    for (ItemChange change : changes) {
      for (Interaction interaction : change.interactions()) {
        fill(i++, change, interaction);
      }
    }
  }

  private void fill(int i, ItemChange change, Interaction x) {
    users[i] = change.userId();
    sources[i] = change.source().wire();
    sourceIds[i] = x.sourceId();
    participants[i] = x.participant();
    items[i] = change.itemId();
    versions[i] = change.version().toEpochMilli();
    directions[i] = x.direction().wire();
    kinds[i] = x.kind().wire();
    copied[i] = x.copied();
    groupSizes[i] = x.groupSize();
    occurred[i] = x.occurredAt().toEpochMilli();
    automated[i] = x.automated();
    names[i] = x.displayName() == null ? "" : x.displayName();
    domains[i] = x.domain();
  }

  boolean isEmpty() {
    return users.length == 0;
  }

  GenericExecuteSpec bind(GenericExecuteSpec spec) {
    return spec.bind("users", users)
        .bind("sources", sources)
        .bind("sourceIds", sourceIds)
        .bind("participants", participants)
        .bind("items", items)
        .bind("versions", versions)
        .bind("directions", directions)
        .bind("kinds", kinds)
        .bind("copied", copied)
        .bind("groupSizes", groupSizes)
        .bind("occurred", occurred)
        .bind("automated", automated)
        .bind("names", names)
        .bind("domains", domains);
  }
}
