package dev.fedgate.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md §3.3, checked on the compiled main classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.fedgate");
  }

  @Test
  void storageSpi_isFreeOfVertx_soAnyStackCanImplementIt() {
    noClasses().that().resideInAPackage("dev.fedgate.gateway.storage")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .check(classes);
  }

  @Test
  void onlyTheHttpPackage_usesVertxWeb() {
    noClasses().that().resideOutsideOfPackage("dev.fedgate.gateway.http..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
        .check(classes);
  }

  @Test
  void signaturesAndVocab_neverSeeVertx() {
    noClasses().that().resideInAnyPackage("dev.fedgate.signatures..", "dev.fedgate.vocab..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .check(classes);
  }

  /** Main reads the wall clock once; StorageSettings defaults its clock (a documented default for SPI users). */
  @Test
  void logic_takesTimeFromAnInjectedClock() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .and().doNotHaveFullyQualifiedName(dev.fedgate.gateway.storage.StorageSettings.class.getName())
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.InstantSource.class, "system")
        .check(classes);
  }
}
