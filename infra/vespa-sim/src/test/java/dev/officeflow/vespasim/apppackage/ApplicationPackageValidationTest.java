package dev.officeflow.vespasim.apppackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yahoo.vespa.model.VespaModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validates {@code infra/vespa} with Vespa's own config model, and shows breakage is caught. */
class ApplicationPackageValidationTest {

  /** The package under test, relative to this module (Surefire runs with the module as cwd). */
  private static final Path PACKAGE = Path.of("../vespa").toAbsolutePath().normalize();

  @TempDir Path temp;

  @Test
  void theOfficeflowPackageValidatesWithEveryDocumentTypeStreamedInOneContentCluster()
      throws Exception {
    VespaModel model = ApplicationPackageValidator.validate(copyOfPackage()).model();

    assertThat(model.getContentClusters()).containsOnlyKeys("officeflow");
    var search = model.getContentClusters().get("officeflow").getSearch();
    assertThat(search.getDocumentTypesWithStreamingCluster())
        .extracting(type -> type.getFullName().getName())
        .containsExactlyInAnyOrder("email", "calendar_event", "contact", "office_document", "todo");
    assertThat(search.hasIndexed()).isFalse();
  }

  @Test
  void theOfficeflowPackageDeploysWithoutWarnings() throws Exception {
    assertThat(ApplicationPackageValidator.validate(copyOfPackage()).warnings()).isEmpty();
  }

  @Test
  void aRankExpressionOnAMissingFieldFailsValidation() throws Exception {
    Path copy = copyOfPackage();
    replaceIn(
        copy.resolve("schemas/email.sd"),
        "attribute(last_updated) / 1000",
        "attribute(no_such_field) / 1000");

    assertThatThrownBy(() -> ApplicationPackageValidator.validate(copy))
        .hasStackTraceContaining("Unknown feature 'attribute(no_such_field)'");
  }

  @Test
  void aServicesXmlThatBreaksVespasXmlSchemaFailsValidation() throws Exception {
    Path copy = copyOfPackage();
    replaceIn(copy.resolve("services.xml"), "<min-redundancy>1</min-redundancy>", "<replicas/>");

    assertThatThrownBy(() -> ApplicationPackageValidator.validate(copy))
        .hasStackTraceContaining("Invalid XML according to XML schema")
        .hasStackTraceContaining("replicas");
  }

  @Test
  void aDocumentTypeWithoutASchemaFailsValidation() throws Exception {
    Path copy = copyOfPackage();
    Files.delete(copy.resolve("schemas/todo.sd"));

    assertThatThrownBy(() -> ApplicationPackageValidator.validate(copy))
        .hasStackTraceContaining("Document type 'todo' not found");
  }

  private Path copyOfPackage() throws IOException {
    Path target = temp.resolve("app");
    try (Stream<Path> files = Files.walk(PACKAGE)) {
      for (Path source : files.toList()) {
        Files.copy(source, target.resolve(PACKAGE.relativize(source).toString()));
      }
    }
    return target;
  }

  private static void replaceIn(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
