package dev.officeflow.graphsim.account;

/**
 * One change to an account's content, as a change notification names it.
 *
 * @param resource the Graph resource path as a subscription names it: {@code
 *     me/mailFolders('inbox')/messages}, {@code me/mailFolders('sentitems')/messages}, {@code
 *     me/messages}, {@code me/events} or {@code me/contacts}
 * @param changeType {@code created}, {@code updated} or {@code deleted}
 * @param itemId the Graph id of the message, event or contact
 */
public record ResourceChange(String accountId, String resource, String changeType, String itemId) {

  public static final String MESSAGES = "me/messages";
  public static final String EVENTS = "me/events";
  public static final String CONTACTS = "me/contacts";

  public ResourceChange {
    if (!changeType.equals("created")
        && !changeType.equals("updated")
        && !changeType.equals("deleted")) {
      throw new IllegalArgumentException("not a change type: " + changeType);
    }
  }
}
