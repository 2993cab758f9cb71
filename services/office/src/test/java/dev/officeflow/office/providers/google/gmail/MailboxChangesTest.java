package dev.officeflow.office.providers.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.Message;
import dev.officeflow.events.Operation;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxChangesTest {

  private static Message message(String id) {
    return new Message().setId(id).setThreadId("t-" + id);
  }

  private static History added(long id, String message) {
    return new History()
        .setId(BigInteger.valueOf(id))
        .setMessagesAdded(List.of(new HistoryMessageAdded().setMessage(message(message))));
  }

  private static History labelled(long id, String message) {
    return new History()
        .setId(BigInteger.valueOf(id))
        .setLabelsAdded(List.of(new HistoryLabelAdded().setMessage(message(message))));
  }

  private static History deleted(long id, String message) {
    return new History()
        .setId(BigInteger.valueOf(id))
        .setMessagesDeleted(List.of(new HistoryMessageDeleted().setMessage(message(message))));
  }

  private static ListHistoryResponse page(String next, History... records) {
    return new ListHistoryResponse()
        .setHistory(List.of(records))
        .setHistoryId(BigInteger.valueOf(500))
        .setNextPageToken(next);
  }

  @Test
  void reducesEachMessageToOneOperation() {
    MailboxChanges changes =
        MailboxChanges.of(
            page(
                null,
                added(10, "a"),
                labelled(11, "a"),
                labelled(12, "b"),
                added(13, "c"),
                deleted(14, "c")));

    assertThat(changes.changes())
        .isEqualTo(Map.of("a", Operation.CREATE, "b", Operation.UPDATE, "c", Operation.DELETE));
    assertThat(changes.toFetch()).containsExactly("a", "b");
    assertThat(changes.deleted()).containsExactly("c");
    assertThat(changes.threads()).containsEntry("c", "t-c");
    assertThat(changes.records()).isEqualTo(5);
  }

  @Test
  void lastPageEndsAtTheMailboxHistoryId() {
    assertThat(MailboxChanges.of(page(null, added(10, "a"))).position()).isEqualTo(500);
  }

  @Test
  void pageWithMoreToComeEndsAtItsLastRecord() {
    assertThat(MailboxChanges.of(page("next", added(10, "a"), added(12, "b"))).position())
        .isEqualTo(12);
  }
}
