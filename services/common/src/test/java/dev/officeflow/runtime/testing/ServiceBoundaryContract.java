package dev.officeflow.runtime.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The boundaries every service keeps (SERVICES.md "Boundaries"). A service's {@code
 * ModuleBoundariesTest} extends this with its application class: feature packages reach into each
 * other only through their top-level package and without cycles (Spring Modulith), beans are
 * declared in feature configurations, errors are rendered by services-common, and provider data
 * APIs are left to the office.
 */
public abstract class ServiceBoundaryContract {

  /** Packages of Google's and Microsoft's mail, calendar and contacts clients. */
  public static final String[] PROVIDER_DATA_APIS = {
    "com.google.api.services..", "com.microsoft.graph..", "com.azure.identity.."
  };

  private final Class<?> application;
  private final JavaClasses classes;

  protected ServiceBoundaryContract(Class<?> application) {
    this.application = application;
    this.classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(application.getPackageName());
  }

  @Test
  void featuresReachEachOtherOnlyThroughTheirTopLevelPackagesAndWithoutCycles() {
    ApplicationModules.of(application.getPackageName()).verify();
  }

  @Test
  void beansAreDeclaredInFeatureConfigurations() {
    noClasses()
        .should()
        .beAnnotatedWith(Component.class)
        .orShould()
        .beAnnotatedWith(Service.class)
        .orShould()
        .beAnnotatedWith(Repository.class)
        .because("a feature's @Configuration declares its beans (SERVICES.md \"Skeleton\")")
        .check(classes);
  }

  @Test
  void errorsAreRenderedByTheSharedRuntime() {
    noClasses()
        .should()
        .beAnnotatedWith(RestControllerAdvice.class)
        .orShould()
        .beAnnotatedWith(ControllerAdvice.class)
        .because("services-common renders every error as a problem (SERVICES.md \"Errors\")")
        .check(classes);
  }

  @Test
  void providerDataApisAreCalledOnlyWhereTheyBelong() {
    providerRule().check(classes);
  }

  /** Only the office reads mail, calendars and contacts from providers; it overrides this. */
  protected ArchRule providerRule() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROVIDER_DATA_APIS)
        .because("only the office calls providers' data APIs (ARCHITECTURE §1)");
  }
}
