package dev.officeflow.office;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.officeflow.runtime.testing.ServiceBoundaryContract;
import org.junit.jupiter.api.Test;

/**
 * The office's boundaries: the rules every service keeps, except that the office is the service
 * that calls providers' data APIs, and only from its provider adapters ({@code
 * office.providers.<name>}); the neutral core (job runner, checkpoints, leases, pacing, streaming
 * lifecycle, publishing, purge) never reaches into an adapter (ARCHITECTURE §13).
 */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  private static final String PROVIDERS = "dev.officeflow.office.providers..";
  private static final String MICROSOFT = "dev.officeflow.office.providers.microsoft..";

  ModuleBoundariesTest() {
    super(OfficeApplication.class);
  }

  @Override
  protected ArchRule providerRule() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(PROVIDERS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROVIDER_DATA_APIS)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("com.google.api.client..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..", "okhttp3..")
        .because("provider clients belong to the provider adapters");
  }

  @Test
  void theNeutralCoreDoesNotDependOnAnyProviderAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage(PROVIDERS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(PROVIDERS)
        .because("a provider is an adapter behind the core's interfaces, not a fork of the core")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.officeflow.office"));
  }
}
