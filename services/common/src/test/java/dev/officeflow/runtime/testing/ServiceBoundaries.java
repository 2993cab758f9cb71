package dev.officeflow.runtime.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The boundaries every service keeps, as rules its {@code ModuleBoundariesTest} checks (SERVICES.md
 * "Boundaries"): feature packages that reach into each other only through their top-level package
 * and without cycles (Spring Modulith), beans declared in feature configurations, errors rendered
 * by the shared runtime, and provider data APIs left to the office.
 */
public final class ServiceBoundaries {

  /** Packages of Google's and Microsoft's mail, calendar and contacts clients. */
  public static final String[] PROVIDER_DATA_APIS = {
    "com.google.api.services..", "com.microsoft.graph..", "com.azure.identity.."
  };

  private ServiceBoundaries() {}

  /** The service's production classes (tests excluded). */
  public static JavaClasses productionClasses(Class<?> application) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(application.getPackageName());
  }

  /**
   * Spring Modulith's check of the feature packages under the application's package: no cycles
   * between features, and no feature using another's sub-packages ({@code store}, {@code web}...).
   */
  public static ApplicationModules features(Class<?> application) {
    return ApplicationModules.of(application.getPackageName());
  }

  /** Beans come from feature configurations, never from scanned stereotypes. */
  public static ArchRule beansAreDeclaredInConfigurations() {
    return noClasses()
        .should()
        .beAnnotatedWith(Component.class)
        .orShould()
        .beAnnotatedWith(Service.class)
        .orShould()
        .beAnnotatedWith(Repository.class)
        .because("a feature's @Configuration declares its beans (SERVICES.md \"Skeleton\")");
  }

  /** Errors are problem details rendered by services-common, not by a service's own advice. */
  public static ArchRule errorsAreRenderedByTheRuntime() {
    return noClasses()
        .should()
        .beAnnotatedWith(RestControllerAdvice.class)
        .orShould()
        .beAnnotatedWith(ControllerAdvice.class)
        .because("services-common renders every error as a problem (SERVICES.md \"Errors\")");
  }

  /** Only the office reads mail, calendars and contacts from providers. */
  public static ArchRule noProviderDataApis() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PROVIDER_DATA_APIS)
        .because("only the office calls providers' data APIs (ARCHITECTURE §1)");
  }
}
