package dev.officeflow.googlesim.gmail;

import java.time.Instant;
import java.util.List;

/**
 * One mailbox change, as {@code history.list} reports it.
 *
 * @param messageLabels the message's labels after the change (empty once deleted)
 * @param changedLabels the labels added or removed, for label changes
 */
public record HistoryRecord(
    long id,
    Instant at,
    Type type,
    String messageId,
    String threadId,
    List<String> messageLabels,
    List<String> changedLabels) {

  /** The four history types, named as the {@code historyTypes} parameter spells them. */
  public enum Type {
    MESSAGE_ADDED("messageAdded", "messagesAdded"),
    MESSAGE_DELETED("messageDeleted", "messagesDeleted"),
    LABEL_ADDED("labelAdded", "labelsAdded"),
    LABEL_REMOVED("labelRemoved", "labelsRemoved");

    private final String parameter;
    private final String field;

    Type(String parameter, String field) {
      this.parameter = parameter;
      this.field = field;
    }

    public String parameter() {
      return parameter;
    }

    /** The JSON array a record of this type is reported in. */
    public String field() {
      return field;
    }

    public static Type fromParameter(String value) {
      for (Type t : values()) {
        if (t.parameter.equalsIgnoreCase(value)) {
          return t;
        }
      }
      throw new dev.officeflow.simkit.web.BadRequestException(
          "Invalid value at 'history_types' (" + value + ")", "historyTypes");
    }
  }

  public HistoryRecord {
    messageLabels = List.copyOf(messageLabels);
    changedLabels = List.copyOf(changedLabels);
  }
}
