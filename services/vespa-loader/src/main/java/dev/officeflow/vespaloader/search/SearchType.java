package dev.officeflow.vespaloader.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * The types {@code GET /v1/search} covers: the API's name and the Vespa document type ({@code
 * infra/vespa/schemas}). The only names that ever reach a query's YQL.
 */
public enum SearchType {
  EMAIL("email", "email"),
  CALENDAR("calendar", "calendar_event"),
  CONTACT("contact", "contact"),
  DOCUMENT("document", "office_document"),
  TODO("todo", "todo");

  private final String apiName;
  private final String doctype;

  SearchType(String apiName, String doctype) {
    this.apiName = apiName;
    this.doctype = doctype;
  }

  public String apiName() {
    return apiName;
  }

  public String doctype() {
    return doctype;
  }

  /** The type with this API name, exactly as written (lower case). */
  public static Optional<SearchType> ofApiName(String name) {
    return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
  }

  /** The type of a Vespa document type. */
  static Optional<SearchType> ofDoctype(String doctype) {
    return Arrays.stream(values()).filter(t -> t.doctype.equals(doctype)).findFirst();
  }
}
