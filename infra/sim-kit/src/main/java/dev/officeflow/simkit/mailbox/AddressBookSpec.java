package dev.officeflow.simkit.mailbox;

/**
 * What to generate in an account's address book.
 *
 * @param contacts saved contacts ({@code people.connections.list}); about 70 % of them are people
 *     the mailbox corresponds with (the inner circle nearly always), the rest people outside the
 *     mail
 * @param otherContacts "other contacts" ({@code otherContacts.list}): people the owner mailed with
 *     but never saved, then one-off correspondents
 */
public record AddressBookSpec(int contacts, int otherContacts) {

  public static final AddressBookSpec NONE = new AddressBookSpec(0, 0);

  public AddressBookSpec {
    if (contacts < 0 || otherContacts < 0) {
      throw new IllegalArgumentException("contact counts must not be negative");
    }
  }
}
