package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.people.PersonRecord;
import java.util.Set;

/**
 * The two lists of an address book and what differs between their list methods: the resource name
 * prefix, the source type, the response field, the field-mask parameter and the fields it accepts,
 * the scopes, and the method names used in stats, faults and error details.
 */
public enum PeopleSource {
  CONNECTIONS(
      "people/",
      "CONTACT",
      "connections",
      "personFields",
      "people.people.connections.list",
      "google.people.v1.PeopleService.ListConnections",
      "https://developers.google.com/people/api/rest/v1/people.connections/list",
      PeopleScopes.CONNECTIONS_READ),
  OTHER_CONTACTS(
      "otherContacts/",
      "OTHER_CONTACT",
      "otherContacts",
      "readMask",
      "people.otherContacts.list",
      "google.people.v1.OtherContacts.ListOtherContacts",
      "https://developers.google.com/people/api/rest/v1/otherContacts/list",
      PeopleScopes.OTHER_CONTACTS_READ);

  /** Every {@code personFields} path the People API documents. */
  static final Set<String> PERSON_FIELDS =
      Set.of(
          "addresses",
          "ageRanges",
          "biographies",
          "birthdays",
          "calendarUrls",
          "clientData",
          "coverPhotos",
          "emailAddresses",
          "events",
          "externalIds",
          "genders",
          "imClients",
          "interests",
          "locales",
          "locations",
          "memberships",
          "metadata",
          "miscKeywords",
          "names",
          "nicknames",
          "occupations",
          "organizations",
          "phoneNumbers",
          "photos",
          "relations",
          "sipAddresses",
          "skills",
          "urls",
          "userDefined");

  /** The {@code readMask} paths of {@code otherContacts.list} for its default source type. */
  static final Set<String> OTHER_CONTACT_FIELDS =
      Set.of("emailAddresses", "metadata", "names", "phoneNumbers", "photos");

  private final String prefix;
  private final String sourceType;
  private final String listField;
  private final String maskParameter;
  private final String method;
  private final String rpcMethod;
  private final String reference;
  private final Set<String> scopes;

  PeopleSource(
      String prefix,
      String sourceType,
      String listField,
      String maskParameter,
      String method,
      String rpcMethod,
      String reference,
      Set<String> scopes) {
    this.prefix = prefix;
    this.sourceType = sourceType;
    this.listField = listField;
    this.maskParameter = maskParameter;
    this.method = method;
    this.rpcMethod = rpcMethod;
    this.reference = reference;
    this.scopes = scopes;
  }

  public String prefix() {
    return prefix;
  }

  /** {@code metadata.sources[].type}: CONTACT or OTHER_CONTACT. */
  public String sourceType() {
    return sourceType;
  }

  public String listField() {
    return listField;
  }

  public String maskParameter() {
    return maskParameter;
  }

  /** The method name in stats and {@code failNext(method, ...)}. */
  public String method() {
    return method;
  }

  /** The RPC name Google puts in an error's {@code ErrorInfo.metadata.method}. */
  public String rpcMethod() {
    return rpcMethod;
  }

  public String reference() {
    return reference;
  }

  public Set<String> scopes() {
    return scopes;
  }

  /**
   * The mask paths this list accepts; other contacts accept the profile's fields too when {@code
   * sources} asks for READ_SOURCE_TYPE_PROFILE.
   */
  Set<String> validFields(boolean profileSource) {
    return this == CONNECTIONS || profileSource ? PERSON_FIELDS : OTHER_CONTACT_FIELDS;
  }

  public static PeopleSource of(PersonRecord person) {
    return person.isOtherContact() ? OTHER_CONTACTS : CONNECTIONS;
  }
}
