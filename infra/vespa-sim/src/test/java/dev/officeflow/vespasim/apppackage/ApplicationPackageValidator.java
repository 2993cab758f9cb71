package dev.officeflow.vespasim.apppackage;

import com.yahoo.component.Version;
import com.yahoo.config.application.api.DeployLogger;
import com.yahoo.config.model.NullConfigModelRegistry;
import com.yahoo.config.model.api.ValidationParameters;
import com.yahoo.config.model.api.ValidationParameters.CheckRouting;
import com.yahoo.config.model.api.ValidationParameters.FailOnIncompatibleChange;
import com.yahoo.config.model.api.ValidationParameters.IgnoreValidationErrors;
import com.yahoo.config.model.application.provider.ApplicationPackageXmlFilesValidator;
import com.yahoo.config.model.application.provider.FilesApplicationPackage;
import com.yahoo.config.model.deploy.DeployState;
import com.yahoo.config.model.deploy.TestProperties;
import com.yahoo.schema.ApplicationBuilder;
import com.yahoo.vespa.model.VespaModel;
import com.yahoo.vespa.model.application.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Validates a Vespa application package offline, as a config server would on deploy: each schema on
 * its own, the XML files against Vespa's RNC schemas, then the whole model with its validators.
 */
final class ApplicationPackageValidator {

  /** What a valid package produced: the model, and the warnings a deploy would print. */
  record Validated(VespaModel model, List<String> warnings) {}

  private static final Version VESPA_MAJOR = new Version(8);

  /** Only a real Vespa node has this binary; its absence is expected here. */
  private static final String NO_RANKSETUP_BINARY = "vespa-verify-ranksetup-bin";

  private ApplicationPackageValidator() {}

  /** Throws whatever Vespa throws for the first problem found in the package at {@code appDir}. */
  static Validated validate(Path appDir) throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    DeployLogger logger =
        (level, message) -> {
          if (level.intValue() >= Level.WARNING.intValue()
              && !message.contains(NO_RANKSETUP_BINARY)) {
            warnings.add(message);
          }
        };
    for (Path schema : schemaFiles(appDir)) {
      ApplicationBuilder.createFromFile(schema.toString(), logger);
    }
    ApplicationPackageXmlFilesValidator.create(appDir.toFile(), VESPA_MAJOR).checkApplication();
    return new Validated(validateModel(appDir, logger), List.copyOf(warnings));
  }

  private static List<Path> schemaFiles(Path appDir) throws Exception {
    try (Stream<Path> files = Files.list(appDir.resolve("schemas"))) {
      return files.filter(f -> f.toString().endsWith(".sd")).sorted().toList();
    }
  }

  private static VespaModel validateModel(Path appDir, DeployLogger logger) throws Exception {
    FilesApplicationPackage pkg = FilesApplicationPackage.fromDir(appDir.toFile(), Map.of());
    DeployState deployState =
        new DeployState.Builder()
            .applicationPackage(pkg)
            .properties(new TestProperties())
            .deployLogger(logger)
            .build();
    VespaModel model = new VespaModel(new NullConfigModelRegistry(), deployState);
    var parameters =
        new ValidationParameters(
            IgnoreValidationErrors.FALSE, FailOnIncompatibleChange.TRUE, CheckRouting.TRUE);
    new Validation().validate(model, parameters, deployState);
    return model;
  }
}
