package dev.officeflow.vespasim.selection;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The document a selection is evaluated against, and when.
 *
 * @param id the full document id ({@code id:ns:type:g=group:specific})
 * @param doctype the document type name
 * @param group the group of the id ({@code g=}), or empty when it has none
 * @param fields the document's fields as a JSON object
 * @param now what {@code now()} answers (in epoch seconds, as Vespa's)
 */
public record Subject(String id, String doctype, String group, JsonNode fields, Instant now) {

  /** Evaluated now. */
  public Subject(String id, String doctype, String group, JsonNode fields) {
    this(id, doctype, group, fields, Instant.now());
  }
}
