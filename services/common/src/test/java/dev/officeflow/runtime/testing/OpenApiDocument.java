package dev.officeflow.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's checked-in OpenAPI document, {@code docs/openapi/<service>.json}, against what the
 * running service serves at {@code /v3/api-docs}: JSON-equal but for {@code servers} (the test's
 * random port). With {@code -Dofficeflow.openapi.write=true} the test writes the served document
 * there instead (pretty-printed, keys sorted, so a change reads as a small diff in review).
 */
public final class OpenApiDocument {

  /** The system property that makes {@link #assertServedBy} write the file instead. */
  public static final String WRITE = "officeflow.openapi.write";

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();
  private static final int SHOWN_DIFFERENCES = 20;

  private final String service;
  private final String module;

  private OpenApiDocument(String service, String module) {
    this.service = service;
    this.module = module;
  }

  /** The document of {@code service}, whose Maven module is {@code services/<module>}. */
  public static OpenApiDocument of(String service, String module) {
    return new OpenApiDocument(service, module);
  }

  /** The checked-in file: {@code docs/openapi/<service>.json} at the repository's root. */
  public Path file() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/ above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("docs").resolve("openapi").resolve(service + ".json");
  }

  /**
   * Fails, naming the file and the command that regenerates it, when the service at {@code baseUrl}
   * serves another document than the checked-in one.
   */
  public void assertServedBy(String baseUrl) {
    JsonNode served = withoutServers(fetch(baseUrl + "/v3/api-docs"));
    Path file = file();
    if (Boolean.getBoolean(WRITE)) {
      write(file, served);
      return;
    }
    assertThat(file)
        .as("%s's OpenAPI document is missing; create it with:%n  %s", service, command())
        .exists();
    JsonNode checkedIn = withoutServers(JSON.readTree(read(file)));
    List<String> differences = JsonDifferences.between(checkedIn, served);
    assertThat(differences)
        .as(
            "%s serves another OpenAPI document than %s (checked in → served, first %d):%n  %s%n"
                + "If the change is meant, regenerate the file and commit it:%n  %s",
            service,
            file,
            SHOWN_DIFFERENCES,
            String.join(
                "\n  ", differences.subList(0, Math.min(SHOWN_DIFFERENCES, differences.size()))),
            command())
        .isEmpty();
  }

  private String command() {
    return "mvn -o -B -pl services/"
        + module
        + " verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dit.test=OpenApiDocumentIT -D"
        + WRITE
        + "=true";
  }

  private static JsonNode withoutServers(JsonNode document) {
    ObjectNode copy = (ObjectNode) document.deepCopy();
    copy.remove("servers");
    return copy;
  }

  private static JsonNode fetch(String url) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, JsonNode document) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
