package dev.officeflow.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contract is plain Java and Jackson (STYLE.md §2): a consumer in any framework, or none, can
 * read the events without Spring.
 */
class ContractBoundaryTest {

  @Test
  void noContractClassUsesSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..")
        .because("common-events has no Spring (ARCHITECTURE §1)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.officeflow.events"));
  }

  @Test
  void springIsNotEvenOnTheClasspath() {
    assertThat(
            getClass().getClassLoader().getResource("org/springframework/core/SpringVersion.class"))
        .as("a dependency brought Spring into common-events")
        .isNull();
  }
}
