package dev.officeflow.graphsim.mail;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.account.Snapshot;
import dev.officeflow.graphsim.delta.DeltaEntry;
import dev.officeflow.graphsim.delta.DeltaParams;
import dev.officeflow.graphsim.delta.DeltaQuery;
import dev.officeflow.graphsim.delta.DeltaSource;
import dev.officeflow.graphsim.odata.ODataQuery;
import dev.officeflow.graphsim.odata.Prefer;
import dev.officeflow.graphsim.odata.ReceivedFilter;
import dev.officeflow.graphsim.odata.Refusals;
import dev.officeflow.graphsim.odata.Select;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.List;

/**
 * A mail folder's message delta ({@code /me/mailFolders/{id}/messages/delta}): {@code $select} and
 * a {@code $filter} on {@code receivedDateTime} with {@code ge}/{@code gt} (what Graph takes on
 * message delta) for the first round, both kept for the rounds after it.
 */
final class MessageDelta {

  private final DeltaQuery delta;

  MessageDelta(DeltaQuery delta) {
    this.delta = delta;
  }

  SimResponse serve(SimRequest r, GraphAccount account, MailFolder folder) {
    ODataQuery q = ODataQuery.of(r);
    q.refuse("search", "expand", "skip");
    if (q.param("changeType").isPresent()) {
      throw Refusals.badRequest("The simulator does not support the changeType option of delta.");
    }
    DeltaParams initial = DeltaParams.NONE;
    boolean continuing = q.option("skiptoken").isPresent() || q.option("deltatoken").isPresent();
    if (!continuing) {
      ReceivedFilter filter = q.receivedFilter();
      if (!filter.isLowerBoundOnly()) {
        throw Refusals.badRequest(
            "Message delta supports $filter on receivedDateTime with ge or gt only.");
      }
      String select = q.option("select").orElse("");
      Select.parse(select, MessageJson.PROPERTIES, MessageJson.TYPE);
      initial = DeltaParams.of(filter.odata(), select);
    }
    boolean text = Prefer.of(r).textBodies();
    DeltaQuery.Target target =
        new DeltaQuery.Target(
            account.id(),
            "messages:" + folder.wellKnownName(),
            "#" + MessageJson.TYPE,
            MessageListing.context(r, account, folder, Select.ALL),
            initial);
    return delta.serve(r, target, params -> entries(account, folder, params, text));
  }

  private static DeltaSource.Entries entries(
      GraphAccount account, MailFolder folder, DeltaParams params, boolean text) {
    ReceivedFilter filter =
        params.filter().isEmpty() ? ReceivedFilter.NONE : ReceivedFilter.parse(params.filter());
    Select select = Select.parse(params.select(), MessageJson.PROPERTIES, MessageJson.TYPE);
    Snapshot<MailItem> snapshot = account.messages().snapshot();
    List<DeltaEntry> entries =
        snapshot.items().stream()
            .filter(m -> m.folder() == folder && filter.matches(m.receivedDateTime()))
            .map(
                m ->
                    m.deleted()
                        ? DeltaEntry.removed(m.id(), m.version(), "deleted")
                        : DeltaEntry.live(
                            m.id(),
                            m.version(),
                            () -> select.apply(MessageJson.of(m, account.id(), text))))
            .toList();
    return new DeltaSource.Entries(entries, snapshot.sequence());
  }
}
