package dev.fedgate.gateway.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StorageArchitectureTest {
  private static final JavaClasses STORAGE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.fedgate.gateway.storage");

  @Test
  void spi_doesNotDependOnVertx() {
    noClasses().that().resideInAPackage("dev.fedgate.gateway.storage")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .check(STORAGE);
  }

  @Test
  void spi_doesNotDependOnItsBackends() {
    noClasses().that().resideInAPackage("dev.fedgate.gateway.storage")
        .should().dependOnClassesThat().resideInAPackage("dev.fedgate.gateway.storage.h2..")
        .check(STORAGE);
  }

  @Test
  void storage_readsTimeOnlyFromTheInjectedClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(STORAGE);
  }
}
