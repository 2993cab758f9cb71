package dev.officeflow.vespaloader.feed;

import ai.vespa.feed.client.DocumentId;
import ai.vespa.feed.client.FeedException;
import ai.vespa.feed.client.Result;
import ai.vespa.feed.client.ResultException;
import dev.officeflow.runtime.consume.Outcome;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies what the feed client reports (ARCHITECTURE §5): a write applied is done, a failed
 * test-and-set condition means the stored version is newer (stale, acked), Vespa rejecting the
 * document (400, 413) is permanent, Vespa unreachable or overloaded (no answer, 429, 502, 503, 504,
 * 507) is an outage the runtime holds the message through without spending a delivery, and any
 * other answer is retried by Pub/Sub once the client's own retries are spent.
 */
final class FeedOutcomes {

  /** How the feed client reports an HTTP error status; it carries no status code of its own. */
  private static final Pattern STATUS =
      Pattern.compile("Status (\\d{3}) executing '[^']*': ?(.*)", Pattern.DOTALL);

  private FeedOutcomes() {}

  static Outcome of(Result result) {
    return switch (result.type()) {
      case success -> Outcome.done();
      case conditionNotMet -> Outcome.stale();
    };
  }

  static Outcome of(DocumentId id, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof ResultException failed) {
      // Vespa answered, for this document: a failure on its side, not an outage.
      return Outcome.retry("vespa_failed: " + id + ": " + describe(failed));
    }
    if (cause instanceof FeedException feed) {
      Matcher status = STATUS.matcher(String.valueOf(feed.getMessage()));
      if (status.find()) {
        return ofStatus(id, Integer.parseInt(status.group(1)), status.group(2));
      }
    }
    return Outcome.unavailable("vespa_unavailable: " + id + ": " + describe(cause));
  }

  static Outcome ofStatus(DocumentId id, int status, String message) {
    return VespaException.outcome(status, id + ": status " + status + ": " + message);
  }

  private static String describe(Throwable cause) {
    Throwable root = cause.getCause();
    String message = String.valueOf(cause.getMessage());
    return root == null || message.contains(root.toString())
        ? message
        : message + " (" + root + ")";
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
