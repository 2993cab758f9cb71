package dev.officeflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract checked in under src/main/resources/contract is what the generator writes from the
 * records and the catalog now; when they differ the failure says how to regenerate it.
 */
class ContractDocumentsTest {

  /** The checked-in documents, relative to the module (Surefire runs in it). */
  private static final Path CHECKED_IN =
      Path.of("src/main/resources", ContractDocuments.RESOURCE_DIR);

  private static final String STALE =
      "the published contract is stale: regenerate it with `"
          + ContractDocuments.REGENERATE
          + "` (from the repository root) and commit common-events/src/main/resources/contract";

  @Test
  void everyDocumentIsCheckedInAsTheGeneratorWritesItNow() throws IOException {
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, String> document : generated().entrySet()) {
      Path file = CHECKED_IN.resolve(document.getKey());
      if (!Files.exists(file)
          || !Files.readString(file, StandardCharsets.UTF_8).equals(document.getValue())) {
        differing.add(document.getKey());
      }
    }

    assertThat(differing).as(STALE).isEmpty();
  }

  @Test
  void noCheckedInDocumentIsOneTheGeneratorNoLongerWrites() throws IOException {
    List<String> extra = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CHECKED_IN)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = CHECKED_IN.relativize(file).toString().replace('\\', '/');
        if (!generated().containsKey(relative)) {
          extra.add(relative);
        }
      }
    }

    assertThat(extra).as(STALE).isEmpty();
  }

  @Test
  void everyDocumentShipsInTheJar() {
    for (String document : generated().keySet()) {
      assertThat(getClass().getClassLoader().getResource(ContractSchemas.resource(document)))
          .as(document)
          .isNotNull();
    }
  }

  @Test
  void theCommandWritesEveryDocumentIntoTheFolderItIsGiven(@TempDir Path folder)
      throws IOException {
    Files.createDirectories(folder.resolve(ContractDocuments.SCHEMAS));
    Files.writeString(folder.resolve(ContractDocuments.SCHEMAS).resolve("Gone.schema.json"), "{}");

    ContractDocuments.main(new String[] {folder.toString(), version()});

    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(f -> folder.relativize(f).toString().replace('\\', '/')))
          .containsExactlyInAnyOrderElementsOf(generated().keySet());
    }
  }

  private static SortedMap<String, String> generated() {
    return ContractDocuments.render(version());
  }

  /** The project's version, which Surefire passes (common-events/pom.xml). */
  private static String version() {
    String version = System.getProperty("officeflow.contract.version");
    assertThat(version)
        .as("run through Maven, which sets officeflow.contract.version to the project's version")
        .isNotBlank();
    return version;
  }
}
