package dev.officeflow.vespasim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters since start or the last reset. Operation counters count requests answered 200 (an update
 * or remove of an absent document included); failed requests count only under their failure.
 *
 * @param puts puts answered 200
 * @param updates updates answered 200
 * @param removes single-document removes answered 200
 * @param gets single-document gets answered (200 or 404)
 * @param visits visit and delete-where requests answered 200
 * @param conditionFailures writes answered 412 (condition not met, or absent document)
 * @param rejected requests answered 400 (unknown type or field, bad body, bad condition, ...)
 * @param faultsInjected requests answered with an injected fault status
 * @param documents stored documents per document type (types without documents included as 0)
 */
public record SimStats(
    long puts,
    long updates,
    long removes,
    long gets,
    long visits,
    long conditionFailures,
    long rejected,
    long faultsInjected,
    Map<String, Integer> documents) {

  public SimStats {
    documents = Collections.unmodifiableMap(new TreeMap<>(documents));
  }

  /** Documents stored across all types. */
  public int totalDocuments() {
    return documents.values().stream().mapToInt(Integer::intValue).sum();
  }
}
