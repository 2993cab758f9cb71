package dev.officeflow.vespasim;

import ai.vespa.feed.client.DocumentId;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Documents, ids and paths shared by the tests. */
final class Fixtures {

  /** The schemas of the application package, relative to this module. */
  static final Path SCHEMAS = Path.of("../vespa/schemas");

  static final String NAMESPACE = "officeflow";

  private Fixtures() {}

  static DocumentId emailId(String user, String providerId) {
    return DocumentId.of(NAMESPACE, "email", user, "google_" + providerId);
  }

  static String emailPath(String user, String providerId) {
    return "/document/v1/officeflow/email/group/" + user + "/google_" + providerId;
  }

  /** A put body for an email with the common fields set. */
  static String email(String user, String subject, long lastUpdated) {
    return "{\"fields\":{"
        + "\"user_id\":\""
        + user
        + "\",\"doc_type\":\"email\",\"provider\":\"google\",\"title\":\""
        + subject
        + "\",\"content\":\"body of "
        + subject
        + "\",\"last_updated\":"
        + lastUpdated
        + ",\"to_addresses\":[\"a@example.com\",\"b@example.com\"],\"is_read\":false}}";
  }

  /** An update body assigning each given field (values already JSON). */
  static String assign(Map<String, String> jsonValues) {
    return jsonValues.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":{\"assign\":" + e.getValue() + "}")
        .collect(Collectors.joining(",", "{\"fields\":{", "}}"));
  }

  /** The loader's test-and-set condition: the stored copy is older than {@code lastUpdated}. */
  static String olderThan(String doctype, long lastUpdated) {
    return doctype + ".last_updated < " + lastUpdated;
  }
}
