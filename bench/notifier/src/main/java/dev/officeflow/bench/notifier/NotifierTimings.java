package dev.officeflow.bench.notifier;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A histogram of the notifier's {@code /actuator/prometheus} ({@code FeedTimings}) for one
 * subscription, as percentiles: each is the upper bound of the bucket it falls in, so it reads "at
 * most".
 */
final class NotifierTimings {

  private final TreeMap<Double, Double> buckets = new TreeMap<>();

  /** {@code metric}'s buckets (cumulative counts by upper bound) of {@code subscription}. */
  static NotifierTimings of(String prometheus, String metric, String subscription) {
    Pattern line =
        Pattern.compile(
            "^" + Pattern.quote(metric) + "_bucket\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
    NotifierTimings timings = new NotifierTimings();
    Matcher m = line.matcher(prometheus);
    while (m.find()) {
      Map<String, String> labels = labels(m.group(1));
      if (subscription.equals(labels.get("subscription")) && labels.containsKey("le")) {
        String le = labels.get("le");
        double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        timings.buckets.put(bound, Double.parseDouble(m.group(2)));
      }
    }
    return timings;
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new TreeMap<>();
    Matcher m = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
    while (m.find()) {
      labels.put(m.group(1), m.group(2));
    }
    return labels;
  }

  /** What was recorded after {@code before} (an earlier reading of the same histogram). */
  NotifierTimings since(NotifierTimings before) {
    NotifierTimings after = new NotifierTimings();
    buckets.forEach(
        (bound, count) ->
            after.buckets.put(bound, count - before.buckets.getOrDefault(bound, 0.0)));
    return after;
  }

  long count() {
    return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue().longValue();
  }

  /** The bound of the bucket that holds the {@code p}th percentile, in milliseconds. */
  double percentileMillis(double p) {
    double rank = Math.ceil(p / 100 * count());
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (bucket.getValue() >= rank) {
        return bucket.getKey() * 1000;
      }
    }
    return Double.NaN;
  }

  String summary() {
    return String.format(
        "p50 <= %.0f ms, p90 <= %.0f ms, p99 <= %.0f ms (%d messages)",
        percentileMillis(50), percentileMillis(90), percentileMillis(99), count());
  }
}
