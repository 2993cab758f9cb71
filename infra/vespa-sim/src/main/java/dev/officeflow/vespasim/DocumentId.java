package dev.officeflow.vespasim;

/**
 * A Vespa document id {@code id:<namespace>:<doctype>:<location>:<specific>}.
 *
 * @param namespace the id namespace
 * @param doctype the document type
 * @param location {@code g=<group>}, {@code n=<number>} or empty
 * @param specific the user-specific part
 */
record DocumentId(String namespace, String doctype, String location, String specific) {

  /** The group this id belongs to ({@code g=} value), or empty. */
  String group() {
    return location.startsWith("g=") ? location.substring(2) : "";
  }

  @Override
  public String toString() {
    return "id:" + namespace + ":" + doctype + ":" + location + ":" + specific;
  }
}
