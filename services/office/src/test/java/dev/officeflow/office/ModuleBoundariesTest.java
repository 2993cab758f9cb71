package dev.officeflow.office;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/**
 * The office's boundaries: the rules every service keeps, except that the office is the service
 * that calls providers' data APIs, and only from the features that read providers.
 */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(OfficeApplication.class);
  }

  @Override
  protected ArchRule providerRule() {
    return noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.officeflow.office.google..",
            "dev.officeflow.office.backfill..",
            "dev.officeflow.office.normalize..",
            "dev.officeflow.office.streaming..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROVIDER_DATA_APIS)
        .because("provider clients belong to the features that read providers");
  }
}
