package dev.officeflow.vespaloader.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One search result.
 *
 * @param type {@code email}, {@code calendar}, {@code contact}, {@code document} or {@code todo}
 * @param id the item's id within the user's data: {@code <provider>_<provider id>}, as in the
 *     events
 * @param provider e.g. {@code google}
 * @param providerId the provider's own id of the item
 * @param relevance the rank profile's score; only comparable within one search
 * @param title the title as plain text (subject, summary, display name, file name, todo title)
 * @param highlights {@code title} and {@code snippet} (from the content: body, description, notes)
 *     as pieces, the query matches marked; a field the document lacks is absent
 * @param lastUpdated when the item last changed at the provider, epoch milliseconds
 * @param details a few fields of the type (email: {@code from}, {@code received_at}, {@code
 *     thread_id}; calendar: {@code start}, {@code end}, {@code all_day}, {@code location}; contact:
 *     {@code email_addresses}, {@code organizations}, {@code score}; document: {@code url}, {@code
 *     content_type}; todo: {@code status}, {@code due}), absent when unset; never a body
 */
public record SearchHit(
    String type,
    String id,
    String provider,
    String providerId,
    double relevance,
    String title,
    Map<String, List<Highlight>> highlights,
    @Nullable Long lastUpdated,
    Map<String, Object> details) {

  public SearchHit {
    highlights = Map.copyOf(highlights);
    details = Map.copyOf(details);
  }
}
