package dev.officeflow.contacts.discovery;

/**
 * The key an item (a message, a meeting) is stored under, unique across providers: ids are each
 * provider's own opaque strings, so the same text from Google and from Microsoft would otherwise be
 * one item, and the second provider's create a redelivery of the first's (ARCHITECTURE §5: items
 * are keyed by user, provider and provider id). Google's ids stay bare, as every row written before
 * a second provider existed holds them; other providers' are prefixed with their name.
 */
final class ItemKeys {

  private static final String GOOGLE = "google";

  private ItemKeys() {}

  static String of(String provider, String providerItemId) {
    return GOOGLE.equals(provider) ? providerItemId : provider + ":" + providerItemId;
  }
}
